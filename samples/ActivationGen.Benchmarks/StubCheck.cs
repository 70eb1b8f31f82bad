using System;
using System.Linq;
using System.Reflection;
using ActivationGen.Benchmarking;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>check</c>: runs the [GlobalSetup] of every generated stub at each of its sizes, which runs its guard (every
/// kernel against the double evaluation of its formula), and prints one line per stub; no timing.
/// </summary>
public static class StubCheck
{
    public static bool Run()
    {
        bool ok = true;
        var stubs = typeof(StubCheck).Assembly.GetTypes()
            .Where(t => t.GetProperty("Activation", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(BenchmarkedActivation))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in stubs)
        {
            var sizes = (System.Collections.Generic.IEnumerable<int>)type.GetProperty("Sizes")!.GetValue(null)!;
            foreach (int n in sizes)
            {
                object stub = Activator.CreateInstance(type)!;
                type.GetProperty("N")!.SetValue(stub, n);
                try
                {
                    type.GetMethod("Setup")!.Invoke(stub, null);
                    Console.WriteLine($"ok    {type.FullName} N={n}");
                }
                catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException failure)
                {
                    ok = false;
                    Console.WriteLine($"FAIL  {type.FullName} N={n}: {failure.Message}");
                }
            }
        }
        return ok;
    }
}
