using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace ActivationGen.Demo.Tour;

/// <summary>Runs scenes in order, each into its own record, then writes the report.</summary>
public static class TourRunner
{
    public static IReadOnlyList<SceneRecord> Run(IEnumerable<Scene> scenes, TextWriter console, string outputDirectory, bool quick)
    {
        Directory.CreateDirectory(outputDirectory);
        var records = new List<SceneRecord>();
        var total = Stopwatch.StartNew();
        foreach (var scene in scenes)
        {
            var record = new SceneRecord(scene);
            records.Add(record);
            console.WriteLine();
            console.WriteLine($"== {scene.Name}: {scene.Title}");
            console.WriteLine($"   fixes the original: {scene.Fixes}");
            var watch = Stopwatch.StartNew();
            scene.Run(new SceneContext(console, outputDirectory, quick, record));
            record.Seconds = watch.Elapsed.TotalSeconds;
            console.WriteLine($"   ({record.Seconds:0.0} s)");
        }
        string report = Report.Write(records, outputDirectory, total.Elapsed.TotalSeconds);
        console.WriteLine();
        console.WriteLine($"Report: {report} ({total.Elapsed.TotalSeconds:0.0} s in all)");
        return records;
    }
}
