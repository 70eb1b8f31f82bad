using System;
using ActivationGen.Generator.Calculus;

namespace ActivationGen.Generator.Formula;

/// <summary>How an operation is written in formula text and in docs.</summary>
internal enum Notation
{
    /// <summary><c>name(a, b)</c>.</summary>
    Call,

    /// <summary><c>a op b</c>, left-associative.</summary>
    LeftInfix,

    /// <summary><c>a op b</c>, right-associative (<c>^</c>).</summary>
    RightInfix,

    /// <summary><c>a op b</c>, not associative (comparisons).</summary>
    Comparison,

    /// <summary><c>op a</c>.</summary>
    Prefix,

    /// <summary><c>c ? a : b</c>.</summary>
    Conditional,

    /// <summary>Docs only (internal functions): <see cref="Function.Name"/> is a format of the arguments, such as <c>sigmoid'({0})</c>.</summary>
    Template,
}

/// <summary>How generated code computes an operation: an operator, a member of the vector type, or a vector-math function.</summary>
internal enum RuntimeKind
{
    /// <summary>A C# operator on the vector type: <see cref="Function.Runtime"/> is a format such as <c>{0} + {1}</c>.</summary>
    Operator,

    /// <summary>A static member of the vector type (<c>TV.LessThan</c>).</summary>
    Vector,

    /// <summary>A member of <c>SingleMath</c> for float and of <c>DoubleMath</c> for double, with the same name in both.</summary>
    Math,
}

/// <summary>Local derivative rule: the adjoint an application sends to each argument, given its own adjoint g.</summary>
/// <remarks>A null entry means the argument carries no gradient (conditions, truth values).</remarks>
internal delegate Expr?[] DerivativeRule(Apply node, Expr g, Gates gates);

/// <summary>
/// Everything the generator knows about one operation. Entries live in <see cref="Functions"/>.
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="Name">The name a formula calls it by (functions), the operator's symbol (operators), or the name the docs print (internal functions).</param>
/// <param name="Arity">Number of arguments.</param>
/// <param name="Notation">How it is written.</param>
/// <param name="Precedence">Binding strength in print, loosest 0 (<c>?:</c>) to 9 (calls and atoms).</param>
/// <param name="IsCallable">Whether a formula may call it by <see cref="Name"/>; internal functions are made only by the generator.</param>
/// <param name="YieldsTruth">Whether it yields a truth value (a mask in generated code) rather than a number.</param>
/// <param name="IsCommutative">Whether its two operands may be put in canonical order.</param>
/// <param name="Evaluate">Its meaning in double, used for constant folding and for verifying rewrites; truth values are 1 and 0.</param>
/// <param name="Derivative">Its local derivative rule.</param>
/// <param name="Build">Rebuilds an application through the simplifying constructors of <see cref="Trees"/>.</param>
/// <param name="RuntimeKind">What <paramref name="Runtime"/> names.</param>
/// <param name="Runtime">The generated code for it (see <see cref="RuntimeKind"/>).</param>
/// <param name="Stem">Stem of the names of generated temporaries holding it (<c>sigmoid0</c>, <c>sum1</c>).</param>
/// <param name="ArgumentContext">For <see cref="Notation.Template"/>: the precedence its arguments are printed at.</param>
/// <param name="FromValue">For a derivative function: the function whose derivative it is, and the derivative written from that function's value y (σ′ = y(1 − y)), for backward-from-output.</param>
internal sealed record Function(
    Op Op,
    string Name,
    int Arity,
    Notation Notation,
    int Precedence,
    bool IsCallable,
    bool YieldsTruth,
    bool IsCommutative,
    Func<double[], double> Evaluate,
    DerivativeRule Derivative,
    Func<Expr[], Expr> Build,
    RuntimeKind RuntimeKind,
    string Runtime,
    string Stem,
    int ArgumentContext = 0,
    (Op Of, Func<Expr, Expr> Derivative)? FromValue = null);
