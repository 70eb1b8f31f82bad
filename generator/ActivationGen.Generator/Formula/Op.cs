using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>Every operation a formula can hold, operators and functions alike.</summary>
internal enum Op
{
    Add, Subtract, Multiply, Divide, Negate, Power,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    And, Or, Not, Select,
    Exp, Log, Log1p, Expm1, Sqrt, Abs, Sign, Min, Max, Clamp,
    Sin, Cos, Tan, Tanh, Sigmoid, Softplus, Erf, Atan,

    /// <summary>a·b + c rounded once: made by the lowering from a product used only by a sum, never written.</summary>
    MultiplyAdd,

    /// <summary>tanh(softplus(u)), the core of mish, fused by the rewriter: one exp and one division.</summary>
    TanhSoftplus,
}

/// <summary>The functions a formula may call by name, with their arity.</summary>
internal static class Functions
{
    public static readonly IReadOnlyDictionary<string, (Op Op, int Arity)> ByName = new Dictionary<string, (Op, int)>
    {
        ["exp"] = (Op.Exp, 1),
        ["log"] = (Op.Log, 1),
        ["log1p"] = (Op.Log1p, 1),
        ["expm1"] = (Op.Expm1, 1),
        ["sqrt"] = (Op.Sqrt, 1),
        ["abs"] = (Op.Abs, 1),
        ["sign"] = (Op.Sign, 1),
        ["min"] = (Op.Min, 2),
        ["max"] = (Op.Max, 2),
        ["clamp"] = (Op.Clamp, 3),
        ["pow"] = (Op.Power, 2),
        ["sin"] = (Op.Sin, 1),
        ["cos"] = (Op.Cos, 1),
        ["tan"] = (Op.Tan, 1),
        ["tanh"] = (Op.Tanh, 1),
        ["sigmoid"] = (Op.Sigmoid, 1),
        ["softplus"] = (Op.Softplus, 1),
        ["erf"] = (Op.Erf, 1),
        ["atan"] = (Op.Atan, 1),
    };

    public static readonly IReadOnlyDictionary<Op, string> NameOf = ByName.ToDictionary(p => p.Value.Op, p => p.Key);

    public static bool IsTruthValued(Op op) => op is >= Op.Less and <= Op.Not;

    public static bool IsCommutative(Op op) => op is Op.Add or Op.Multiply or Op.Equal or Op.NotEqual or Op.And or Op.Or;
}
