using System;

namespace ActivationGen;

/// <summary>
/// Declares a <c>static partial</c> method as an activation defined by <paramref name="formula"/>; the
/// ActivationGen generator implements it and adds vectorized forward and backward members beside it.
/// </summary>
/// <param name="formula">The formula over the method's parameters, in the language of the README.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ActivationAttribute(string formula) : Attribute
{
    /// <summary>The formula, as written.</summary>
    public string Formula { get; } = formula;
}

/// <summary>Marks a scalar hyperparameter: the same for every element, no gradient.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ParamAttribute : Attribute;

/// <summary>Marks a learnable scalar parameter: the backward also sums its gradient over the span.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TrainableAttribute : Attribute;
