using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Operators;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

internal sealed partial class FhirPathCompiler
{
    private Evaluator CompileBinary(BinaryOperation node)
    {
        var left = Compile(node.Left);
        var right = Compile(node.Right);
        var position = node.Position;
        var op = node.Operator;
        switch (op)
        {
            case BinaryOperator.Union:
                return (focus, context) => Union(left(focus, context), right(focus, context));
            case BinaryOperator.Equal:
                return (focus, context) => BooleanLogic.ToCollection(Equality.CollectionsEqual(left(focus, context), right(focus, context)));
            case BinaryOperator.NotEqual:
                return (focus, context) => BooleanLogic.ToCollection(!Equality.CollectionsEqual(left(focus, context), right(focus, context)));
            case BinaryOperator.Equivalent:
                return (focus, context) => FhirPathCollection.FromBoolean(Equality.CollectionsEquivalent(left(focus, context), right(focus, context)));
            case BinaryOperator.NotEquivalent:
                return (focus, context) => FhirPathCollection.FromBoolean(!Equality.CollectionsEquivalent(left(focus, context), right(focus, context)));
            case BinaryOperator.LessThan or BinaryOperator.LessOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterOrEqual:
                return (focus, context) => Compare(op, left(focus, context), right(focus, context), position);
            case BinaryOperator.In:
                return (focus, context) => Membership(left(focus, context), right(focus, context), position);
            case BinaryOperator.Contains:
                return (focus, context) => Membership(right(focus, context), left(focus, context), position);
            case BinaryOperator.And:
                return (focus, context) =>
                {
                    // Short-circuit: false and anything is false (spec 6.5.1).
                    var l = Items.ToBoolean(left(focus, context), position, "'and'");
                    if (l == false) return FhirPathCollection.False;
                    return BooleanLogic.ToCollection(BooleanLogic.And(l, Items.ToBoolean(right(focus, context), position, "'and'")));
                };
            case BinaryOperator.Or:
                return (focus, context) =>
                {
                    var l = Items.ToBoolean(left(focus, context), position, "'or'");
                    if (l == true) return FhirPathCollection.True;
                    return BooleanLogic.ToCollection(BooleanLogic.Or(l, Items.ToBoolean(right(focus, context), position, "'or'")));
                };
            case BinaryOperator.Xor:
                return (focus, context) => BooleanLogic.ToCollection(BooleanLogic.Xor(
                    Items.ToBoolean(left(focus, context), position, "'xor'"),
                    Items.ToBoolean(right(focus, context), position, "'xor'")));
            case BinaryOperator.Implies:
                return (focus, context) =>
                {
                    var l = Items.ToBoolean(left(focus, context), position, "'implies'");
                    if (l == false) return FhirPathCollection.True;
                    return BooleanLogic.ToCollection(BooleanLogic.Implies(l, Items.ToBoolean(right(focus, context), position, "'implies'")));
                };
            case BinaryOperator.Concatenate:
                return (focus, context) => Concatenate(left(focus, context), right(focus, context), position);
            default:
                return (focus, context) =>
                {
                    var l = Items.Singleton(left(focus, context), position, "The left operand");
                    if (l is null) return FhirPathCollection.Empty;
                    var r = Items.Singleton(right(focus, context), position, "The right operand");
                    if (r is null) return FhirPathCollection.Empty;
                    return Wrap(Arithmetic.Apply(op, l, r, position));
                };
        }
    }

    /// <summary><c>|</c> (spec 6.4.1): both collections merged, duplicates removed.</summary>
    internal static FhirPathCollection Union(FhirPathCollection left, FhirPathCollection right)
    {
        var builder = new CollectionBuilder();
        var seen = new List<object>(left.Count + right.Count);
        AddDistinct(left, seen, ref builder);
        AddDistinct(right, seen, ref builder);
        return builder.ToCollection();
    }

    private static void AddDistinct(FhirPathCollection items, List<object> seen, ref CollectionBuilder builder)
    {
        foreach (var item in items)
        {
            var duplicate = false;
            foreach (var existing in seen)
            {
                if (ReferenceEquals(existing, item) || Equality.AreEqual(existing, item) == true)
                {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) continue;
            seen.Add(item);
            builder.Add(item);
        }
    }

    private static FhirPathCollection Compare(BinaryOperator op, FhirPathCollection left, FhirPathCollection right, int position)
    {
        var l = Items.Singleton(left, position, "The left operand of a comparison");
        var r = Items.Singleton(right, position, "The right operand of a comparison");
        if (l is null || r is null) return FhirPathCollection.Empty;
        if (Comparison.Compare(l, r, position) is not { } c) return FhirPathCollection.Empty;
        return FhirPathCollection.FromBoolean(op switch
        {
            BinaryOperator.LessThan => c < 0,
            BinaryOperator.LessOrEqual => c <= 0,
            BinaryOperator.GreaterThan => c > 0,
            _ => c >= 0,
        });
    }

    // `item in collection` (spec 6.4.2): empty item gives empty; several items are an error.
    private static FhirPathCollection Membership(FhirPathCollection item, FhirPathCollection collection, int position)
    {
        var single = Items.Singleton(item, position, "The item of 'in'/'contains'");
        if (single is null) return FhirPathCollection.Empty;
        return FhirPathCollection.FromBoolean(Equality.Contains(collection, single));
    }

    // `&` (spec 6.6.3): string concatenation where empty counts as ''.
    private static FhirPathCollection Concatenate(FhirPathCollection left, FhirPathCollection right, int position)
    {
        var l = Items.Singleton(left, position, "The left operand of '&'");
        var r = Items.Singleton(right, position, "The right operand of '&'");
        var ls = l is null ? "" : Items.Unwrap(l) as string ?? throw new FhirPathEvaluationException("'&' expects strings.", position);
        var rs = r is null ? "" : Items.Unwrap(r) as string ?? throw new FhirPathEvaluationException("'&' expects strings.", position);
        return new FhirPathCollection(ls + rs);
    }
}
