using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Generator.Declarations;

internal sealed partial record ActivationSpec
{
    public const string ActivationAttribute = "ActivationGen.ActivationAttribute";
    private const string ParamAttribute = "ActivationGen.ParamAttribute";
    private const string TrainableAttribute = "ActivationGen.TrainableAttribute";

    /// <summary>Reads one [Activation] method into a model; reports declaration errors in it, never throws.</summary>
    public static Declaration Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        cancellationToken.ThrowIfCancellationRequested();

        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = SourceSpan.From(syntax.Identifier.GetLocation());
        var argument = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)
            ?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        var formulaSource = argument is null
            ? new FormulaSource(nameLocation, EquatableArray<int>.Empty)
            : FormulaSource.From(argument);
        string? formula = attribute.ConstructorArguments.FirstOrDefault().Value as string;

        // A non-partial enclosing type is the compiler's error (CS0260, once the generated part exists): the
        // generator still emits every member there, so that call sites see the whole API and no CS8795.
        // A file-local type cannot be extended from another file at all.
        bool inFileLocalType = InFileLocalType(method.ContainingType);
        if (inFileLocalType)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalType, nameLocation, method.Name));
        bool isPartialDefinition = method.IsPartialDefinition && method.PartialImplementationPart is null;
        if (!method.IsStatic || !isPartialDefinition)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotStaticPartial, nameLocation, method.Name, ""));
        var takenNames = new SortedSet<string>(System.StringComparer.Ordinal);
        diagnostics.AddRange(MemberCollisions.Find(method, ActivationAttribute, nameLocation, takenNames));
        bool canImplement = isPartialDefinition && !inFileLocalType && !MemberCollisions.IsRepeatedDefinition(method, ActivationAttribute);
        if (method.IsGenericMethod)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericMethod, nameLocation, method.Name));

        var elementType = ElementTypeOf(method.ReturnType);
        if (elementType is null || method.ReturnsByRef || method.ReturnsByRefReadonly)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType,
                SourceSpan.From(syntax.ReturnType.GetLocation()), "The return type", method.Name, TypeName(method.ReturnType)));

        var parameters = new List<ParameterSpec>();
        var parameterLocations = new List<SourceSpan>();
        foreach (var parameter in method.Parameters)
        {
            var kind = KindOf(parameter, diagnostics);
            var parameterType = ElementTypeOf(parameter.Type);
            var location = parameter.Locations.FirstOrDefault() is { } l ? SourceSpan.From(l) : nameLocation;
            parameterLocations.Add(location);
            bool mismatched = parameterType is null || (elementType is not null && parameterType != elementType);
            if (mismatched || parameter.RefKind != RefKind.None || parameter.IsParams)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location,
                    $"The parameter '{parameter.Name}'", method.Name, (ModifiersOf(parameter) + TypeName(parameter.Type)).Trim()));
            parameters.Add(new ParameterSpec(
                parameter.Name,
                SourceNames.Identifier(parameter.Name),
                kind,
                parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ModifiersOf(parameter),
                parameterType is null ? null : DefaultOf(parameter, elementType)));
        }
        if (parameters.Count > 0 && parameters.All(p => p.Kind != ParameterKind.Input))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoInput, nameLocation, method.Name));
        else if (parameters.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoInput, nameLocation, method.Name));

        if (string.IsNullOrWhiteSpace(formula))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyFormula, formulaSource.Argument, method.Name));

        var spec = new ActivationSpec(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(Written) : null,
            ContainingTypesOf(method.ContainingType).ToEquatableArray(),
            method.Name,
            SourceNames.Identifier(method.Name),
            method.IsStatic ? "static " : "",
            syntax.TypeParameterList?.ToString() ?? "",
            string.Concat(syntax.ConstraintClauses.Select(c => " " + c)),
            SyntaxFacts.GetText(method.DeclaredAccessibility),
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            elementType ?? method.Parameters.Select(p => ElementTypeOf(p.Type)).FirstOrDefault(t => t is not null),
            parameters.ToEquatableArray(),
            formula,
            canImplement,
            SourceNames.HintName(method),
            takenNames.ToEquatableArray());
        return new Declaration(spec, formulaSource, parameterLocations.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static ElementType? ElementTypeOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Single => Declarations.ElementType.Single,
        SpecialType.System_Double => Declarations.ElementType.Double,
        _ => null,
    };

    private static ParameterKind KindOf(IParameterSymbol parameter, List<DiagnosticInfo> diagnostics)
    {
        bool isParam = false, isTrainable = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            isParam |= name == ParamAttribute;
            isTrainable |= name == TrainableAttribute;
        }
        if (isParam && isTrainable && parameter.Locations.FirstOrDefault() is { } location)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMarkers, SourceSpan.From(location), parameter.Name));
        return isTrainable ? ParameterKind.Trainable : isParam ? ParameterKind.Param : ParameterKind.Input;
    }

    private static string ModifiersOf(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => parameter.IsParams ? "params " : "",
    };

    private static string? DefaultOf(IParameterSymbol parameter, ElementType? elementType)
    {
        if (!parameter.HasExplicitDefaultValue)
            return null;
        return parameter.ExplicitDefaultValue switch
        {
            float f => Literal(f, elementType),
            double d => Literal(d, elementType),
            null => "default",
            var other => System.Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }

    private static string Literal(double value, ElementType? elementType)
    {
        string type = elementType == Declarations.ElementType.Double ? "double" : "float";
        if (double.IsNaN(value))
            return type + ".NaN";
        if (double.IsInfinity(value))
            return value > 0 ? type + ".PositiveInfinity" : type + ".NegativeInfinity";
        return elementType == Declarations.ElementType.Double
            ? value.ToString("R", CultureInfo.InvariantCulture) + "d"
            : ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    private static bool InFileLocalType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.IsFileLocal)
                return true;
        return false;
    }

    /// <summary>Names as C# source spells them: @class for a keyword.</summary>
    private static readonly SymbolDisplayFormat Written = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>A type's own name with its type parameters and their variance, as a partial declaration repeats them.</summary>
    private static readonly SymbolDisplayFormat WrittenType = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static string TypeName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static IEnumerable<ContainingType> ContainingTypesOf(INamedTypeSymbol? type)
    {
        var chain = new Stack<ContainingType>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            string keyword = current switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            string name = current.ToDisplayString(WrittenType);
            chain.Push(new ContainingType(keyword, name));
        }
        return chain;
    }
}
