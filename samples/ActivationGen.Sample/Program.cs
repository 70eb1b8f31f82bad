using System;
using ActivationGen.Sample;

float[] xs = [-3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f];
var ys = new float[xs.Length];
MyActivations.Swish(xs, ys, 1f);
Console.WriteLine("x      swish(x)   swish'(x)");
for (int i = 0; i < xs.Length; i++)
    Console.WriteLine($"{xs[i],5:0.0}  {ys[i],9:0.000000}  {MyActivations.SwishDerivative(xs[i], 1f),9:0.000000}");
