using System.Reflection;
using ActivationGen.Generator.Explain;

namespace ActivationGen.Demo.Tour;

/// <summary>
/// A declared activation's formula and its derivatives in readable math, as the generator prints them in the
/// generated XML docs: read from the <c>[Activation]</c> declaration and explained by the generator's own core.
/// </summary>
public static class DeclaredMath
{
    public static FormulaExplanation Of(Type declaringType, string method)
    {
        var declaration = declaringType.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == method && m.GetCustomAttribute<ActivationAttribute>() is not null);
        var formula = declaration.GetCustomAttribute<ActivationAttribute>()!.Formula;
        var parameters = declaration.GetParameters();
        string[] Named<TAttribute>() where TAttribute : Attribute =>
            parameters.Where(p => p.GetCustomAttribute<TAttribute>() is not null).Select(p => p.Name!).ToArray();
        var inputs = parameters.Where(p => p.GetCustomAttribute<ParamAttribute>() is null && p.GetCustomAttribute<TrainableAttribute>() is null)
            .Select(p => p.Name!).ToArray();
        return FormulaExplainer.Explain(formula, inputs, Named<ParamAttribute>(), Named<TrainableAttribute>());
    }
}
