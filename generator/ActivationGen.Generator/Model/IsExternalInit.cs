namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that C# records need for init accessors.
internal static class IsExternalInit;
