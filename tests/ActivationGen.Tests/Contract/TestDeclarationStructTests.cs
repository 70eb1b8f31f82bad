using System.Reflection;
using ActivationGen.Simd;
using ActivationGen.Tests.Generated;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// Every single-input test declaration over float (together they use every operator and function of the
/// formula language) gets a struct whose per-vector kernels, at the widest width, agree with its scalar members.
/// </summary>
public sealed class TestDeclarationStructTests
{
    public static IEnumerable<object[]> UnaryStructs() =>
        typeof(FloatActivations).GetNestedTypes()
            .Where(t => t.Name.EndsWith("Activation", StringComparison.Ordinal) && typeof(IUnaryActivation<float>).IsAssignableFrom(t))
            .Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(UnaryStructs))]
    public void PerVectorKernelsAgreeWithTheScalarMembers(string structName)
    {
        var type = typeof(FloatActivations).GetNestedType(structName)!;
        typeof(TestDeclarationStructTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [structName[..^"Activation".Length]]);
    }

    private static void Check<TAct>(string name)
        where TAct : struct, IUnaryActivation<float>
    {
        var declaration = new ReflectedDeclaration(typeof(FloatActivations), name);
        var hyperparameters = declaration.Hyperparameters.Select(p => p.HasDefaultValue ? (float)p.DefaultValue! : 0.5f).ToArray();
        var trainables = declaration.Trainables.Select(p => p.HasDefaultValue ? (float)p.DefaultValue! : 0.75f).ToArray();
        var act = declaration.Create<TAct>(hyperparameters);
        Assert.Equal(hyperparameters, declaration.PropertyValues(act));
        Assert.Equal(declaration.Formula, TAct.Info.Formula);

        if (Vec512<float>.IsHardwareAccelerated)
            AtWidth<TAct, Vec512<float>>(act, declaration, hyperparameters, trainables, name);
        else
            AtWidth<TAct, Vec256<float>>(act, declaration, hyperparameters, trainables, name);
    }

    private static void AtWidth<TAct, TV>(TAct act, ReflectedDeclaration declaration, float[] hyperparameters, float[] trainables, string name)
        where TAct : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        var xs = Enumerable.Range(0, 64 * TV.Count).Select(i => -4f + i * (8f / (64 * TV.Count))).ToArray();
        var q = trainables.Select(TV.Create).ToArray();
        var dq = new TV[trainables.Length];
        var y = new float[TV.Count];
        var dx = new float[TV.Count];
        var partial = new float[1];
        var trainablePartials = new float[trainables.Length];
        for (int i = 0; i < xs.Length; i += TV.Count)
        {
            var x = TV.LoadUnsafe(ref xs[i], 0);
            TV.StoreUnsafe(act.Forward(x, q), ref y[0], 0);
            TV.StoreUnsafe(act.Backward(x, TV.Create(1f), q, dq), ref dx[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
            {
                float point = xs[i + lane];
                CatalogStructTests.AssertWithin4Ulp(declaration.Value(point, hyperparameters, trainables), y[lane], name, "forward", point);
                CatalogStructTests.AssertWithin4Ulp(declaration.Derivative(point, hyperparameters, trainables), dx[lane], name, "backward", point);
                act.Partials([point], trainables, partial, trainablePartials);
                CatalogStructTests.AssertWithin4Ulp(declaration.Derivative(point, hyperparameters, trainables), partial[0], name, "Partials", point);
            }
        }
    }
}
