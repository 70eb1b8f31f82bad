using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Lowering;

internal enum OperandKind
{
    Temp,
    Variable,
    Constant,
}

/// <summary>An instruction argument: an earlier temporary, a parameter, or a constant.</summary>
internal sealed record Operand(OperandKind Kind, int Temp = 0, string Name = "", double Value = 0)
{
    public static Operand OfTemp(int temp) => new(OperandKind.Temp, Temp: temp);

    public static Operand OfVariable(string name) => new(OperandKind.Variable, Name: name);

    public static Operand OfConstant(double value) => new(OperandKind.Constant, Value: value);
}

/// <summary><c>t[Temp] = Op(Args)</c>; truth-valued instructions produce masks.</summary>
internal sealed record Instruction(int Temp, Op Op, EquatableArray<Operand> Args);

/// <summary>Straight-line code computing <see cref="Outputs"/>; every distinct subexpression is computed once.</summary>
internal sealed record Tape(EquatableArray<Instruction> Instructions, EquatableArray<Operand> Outputs);
