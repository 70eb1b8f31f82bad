namespace ActivationGen.Demo.Tour;

/// <summary>One scene of the course: a sub-command of the tour that prints, plots and tabulates.</summary>
public abstract class Scene
{
    /// <summary>The sub-command, e.g. <c>relu</c>.</summary>
    public abstract string Name { get; }

    /// <summary>A one-line title for the console and the report.</summary>
    public abstract string Title { get; }

    /// <summary>What the original NumPy course got wrong here, and how this scene does better; printed first.</summary>
    public abstract string Fixes { get; }

    public abstract void Run(SceneContext context);
}
