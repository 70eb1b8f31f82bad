using System.Diagnostics;

namespace ActivationGen.Demo.Tour;

/// <summary>Per-epoch progress lines with the time left, for the scenes that train.</summary>
public sealed class Progress(SceneContext context, string task, int epochs)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    /// <summary>Prints epoch <paramref name="epoch"/> (1-based) with its figures and the time the remaining epochs should take.</summary>
    public void Epoch(int epoch, string figures)
    {
        double elapsed = watch.Elapsed.TotalSeconds;
        double left = elapsed / epoch * (epochs - epoch);
        context.Line($"  {task} epoch {epoch,3}/{epochs}  {figures}  [{elapsed:0.0} s, about {left:0.0} s left]");
    }
}
