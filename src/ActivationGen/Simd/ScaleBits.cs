using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

/// <summary>ScaleB from exponent-field arithmetic, for vectors without a scale instruction.</summary>
internal static class ScaleBits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ScaleB<TV, T>(TV value, TV exponent)
        where TV : struct, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool single = typeof(T) == typeof(float);
        // The clamp keeps each half of n a normal exponent; beyond it every finite result is 0 or ±∞ anyway.
        TV n = TV.MinNative(TV.Create(T.CreateTruncating(single ? 254 : 2046)), TV.MaxNative(TV.Create(T.CreateTruncating(single ? -252 : -2044)), exponent));
        TV k = TV.SubtractBits(n + TV.Create(T.CreateTruncating(single ? 12582912.0 : 6755399441055744.0)), TV.CreateBits(single ? 0x4B40_0000UL : 0x4338_0000_0000_0000UL));
        TV half = TV.ShiftRightArithmeticBits(k, 1);
        TV bias = TV.CreateBits(single ? 127UL : 1023UL);
        int mantissa = single ? 23 : 52;
        // Two factors, so the product is rounded once, in the last multiplication.
        return value * TV.ShiftLeftBits(TV.AddBits(half, bias), mantissa) * TV.ShiftLeftBits(TV.AddBits(TV.SubtractBits(k, half), bias), mantissa);
    }
}
