using System;
using System.Globalization;

namespace ActivationGen.Samples;

/// <summary>
/// The one spelling of a <see cref="NonTemporalStores.MinimumBytes"/> setting that the samples take (the benchmarks'
/// <c>--nontemporal-minimum</c>, the probe's <c>PROBE_NONTEMPORAL_MINIMUM</c>): <c>off</c> stores every output
/// through the caches, a number is the bytes of output from which stores bypass them.
/// </summary>
internal static class NonTemporalSetting
{
    public static void Apply(string value) =>
        NonTemporalStores.MinimumBytes = value == "off"
            ? long.MaxValue
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes)
                ? bytes
                : throw new ArgumentException($"'{value}' is neither off nor a number of bytes.", nameof(value));
}
