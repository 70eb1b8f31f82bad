using System.Reflection;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// A generated declaration read back by reflection: its attribute, its parameters and its scalar members, so that
/// the activation struct can be checked against what the user declared rather than against itself.
/// </summary>
internal sealed class ReflectedDeclaration
{
    private readonly MethodInfo value;
    private readonly MethodInfo? derivative;
    private readonly ParameterInfo[] parameters;

    public ReflectedDeclaration(Type owner, string name)
    {
        value = owner.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetCustomAttribute<ActivationAttribute>() is not null);
        derivative = owner.GetMethod(name + "Derivative", BindingFlags.Public | BindingFlags.Static);
        parameters = value.GetParameters();
        Formula = value.GetCustomAttribute<ActivationAttribute>()!.Formula;
        Inputs = parameters.Where(p => !IsParam(p) && !IsTrainable(p)).ToArray();
        Hyperparameters = parameters.Where(IsParam).ToArray();
        Trainables = parameters.Where(IsTrainable).ToArray();
        HasBackwardFromOutput = owner.GetMethod(name + "BackwardFromOutput", BindingFlags.Public | BindingFlags.Static) is not null;
    }

    public string Formula { get; }

    public ParameterInfo[] Inputs { get; }

    public ParameterInfo[] Hyperparameters { get; }

    public ParameterInfo[] Trainables { get; }

    public bool HasBackwardFromOutput { get; }

    /// <summary>The struct with the given hyperparameters, through its constructor.</summary>
    public TAct Create<TAct>(float[] hyperparameters)
        where TAct : struct
    {
        if (hyperparameters.Length == 0)
            return new TAct();
        var constructor = typeof(TAct).GetConstructor(hyperparameters.Select(_ => typeof(float)).ToArray());
        Assert.NotNull(constructor);
        return (TAct)constructor.Invoke(hyperparameters.Cast<object>().ToArray());
    }

    /// <summary>The hyperparameter properties, named in PascalCase after the parameters.</summary>
    public float[] PropertyValues<TAct>(TAct act)
        where TAct : struct =>
        Hyperparameters.Select(p => (float)typeof(TAct).GetProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..])!.GetValue(act)!).ToArray();

    public float Value(float x, float[] hyperparameters, float[] trainables) => (float)value.Invoke(null, Arguments(x, hyperparameters, trainables))!;

    public float Derivative(float x, float[] hyperparameters, float[] trainables) => (float)derivative!.Invoke(null, Arguments(x, hyperparameters, trainables))!;

    private object[] Arguments(float x, float[] hyperparameters, float[] trainables)
    {
        int h = 0, t = 0;
        return parameters.Select(p => (object)(IsParam(p) ? hyperparameters[h++] : IsTrainable(p) ? trainables[t++] : x)).ToArray();
    }

    private static bool IsParam(ParameterInfo p) => p.GetCustomAttribute<ParamAttribute>() is not null;

    private static bool IsTrainable(ParameterInfo p) => p.GetCustomAttribute<TrainableAttribute>() is not null;
}
