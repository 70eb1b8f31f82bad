using System.CommandLine;
using ActivationGen.Demo.Explain;
using ActivationGen.Demo.Tour;

var outOption = new Option<string>("--out") { Description = "Folder for the pictures, tables and report.md", DefaultValueFactory = _ => "out", Recursive = true };
var quickOption = new Option<bool>("--quick") { Description = "Small sizes and few epochs (for tests)", Recursive = true };
var scenes = SceneList.All();

var root = new RootCommand("The ActivationGen tour: the fourteen scenes of the activation-function course. No sub-command runs them all.");
root.Options.Add(outOption);
root.Options.Add(quickOption);
root.SetAction(parse => Tour(scenes, parse.GetValue(outOption)!, parse.GetValue(quickOption)));

foreach (var scene in scenes)
{
    var command = new Command(scene.Name, scene.Title);
    command.SetAction(parse => Tour([scene], parse.GetValue(outOption)!, parse.GetValue(quickOption)));
    root.Subcommands.Add(command);
}

var formulaArgument = new Argument<string>("formula") { Description = "The formula, e.g. \"x * sigmoid(beta * x)\"" };
var inputOption = new Option<string[]>("--input") { Description = "An elementwise input (default: x)", AllowMultipleArgumentsPerToken = false };
var paramOption = new Option<string[]>("--param") { Description = "A hyperparameter name ([Param])" };
var trainableOption = new Option<string[]>("--trainable") { Description = "A trainable parameter name ([Trainable])" };
var explain = new Command("explain", "What the generator makes of a formula: derivatives, stability rewrites, backward from the output, generated C#");
explain.Arguments.Add(formulaArgument);
explain.Options.Add(inputOption);
explain.Options.Add(paramOption);
explain.Options.Add(trainableOption);
explain.SetAction(parse => ExplainCommand.Run(Console.Out, parse.GetValue(formulaArgument)!,
    parse.GetValue(inputOption) ?? [], parse.GetValue(paramOption) ?? [], parse.GetValue(trainableOption) ?? []));
root.Subcommands.Add(explain);

return root.Parse(args).Invoke();

static int Tour(IEnumerable<Scene> scenes, string output, bool quick)
{
    TourRunner.Run(scenes, Console.Out, output, quick);
    return 0;
}
