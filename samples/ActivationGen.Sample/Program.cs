using System;
using ActivationGen.Sample;

// Forward over a span, the scalar derivative, and the backward with the trainable parameter's gradient.
float[] xs = [-3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f];
float beta = 1f;
var ys = new float[xs.Length];
MyActivations.Swish(xs, ys, beta);

var dys = new float[xs.Length];
Array.Fill(dys, 1f);
var dxs = new float[xs.Length];
MyActivations.SwishBackward(xs, dys, dxs, beta, out float dBeta);

Console.WriteLine("Swish(x) = x * sigmoid(beta * x), beta = 1");
Console.WriteLine("     x    Swish(x)   dSwish/dx");
for (int i = 0; i < xs.Length; i++)
    Console.WriteLine($"{xs[i],6:0.0}  {ys[i],10:0.000000}  {dxs[i],10:0.000000}");
Console.WriteLine($"dLoss/dbeta for loss = sum(Swish(x)): {dBeta:0.000000}");

Console.WriteLine();
Console.WriteLine("Elu(x) = x > 0 ? x : alpha * (exp(x) - 1), alpha = 1 (exp(x) - 1 is computed as expm1)");
Console.WriteLine("     x      Elu(x)     dElu/dx");
foreach (float x in xs)
    Console.WriteLine($"{x,6:0.0}  {MyActivations.Elu(x),10:0.000000}  {MyActivations.EluDerivative(x),10:0.000000}");

Console.WriteLine();
Console.WriteLine($"Gated(x, h) = tanh(x) * sigmoid(h) at (0.5, -1): {MyActivations.Gated(0.5, -1):0.000000000000}");
