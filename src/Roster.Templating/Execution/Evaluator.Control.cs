using System.Runtime.CompilerServices;
using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>if, with, range and template invocation.</summary>
internal sealed partial class Evaluator
{
    /// <summary>Go's maxExecDepth; the stack check below usually stops runaway recursion first on a CLR thread.</summary>
    private const int MaxExecDepth = 100000;

    /// <summary>
    /// Range iterations plus template calls one execution may take. Go sets no such bound, but a renderer that spins on
    /// <c>{{range 0x7fffffffffffffff}}</c> or on templates that call each other twice per level never writes a config
    /// again; a real config (thousands of instances, dozens of tags each) stays far below.
    /// </summary>
    public const long DefaultMaxSteps = 100_000_000;

    /// <summary>Counts one range iteration or template call, and stops the execution past the budget, at <paramref name="node"/>.</summary>
    private void Step(Node node)
    {
        if (++_steps > _maxSteps)
        {
            _node = node;
            throw Fail($"exceeded maximum of {_maxSteps} range iterations and template calls");
        }
    }

    private Flow WalkIfOrWith(bool isWith, object? dot, PipeNode pipe, ListNode list, ListNode? elseList)
    {
        var mark = _vars.Count;
        try
        {
            var value = EvalPipeline(dot, pipe);
            if (GoValues.IsTrue(value))
            {
                return Walk(isWith ? value : dot, list);
            }

            return elseList is null ? Flow.Normal : Walk(dot, elseList);
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow WalkRange(object? dot, RangeNode range)
    {
        _node = range;
        var mark = _vars.Count;
        try
        {
            var value = EvalPipeline(dot, range.Pipe);
            var bodyMark = _vars.Count;
            var iterated = false;
            foreach (var (index, element) in Iterate(value, range))
            {
                iterated = true;
                if (OneIteration(range, bodyMark, index, element) == Flow.Break)
                {
                    break;
                }
            }

            return iterated || range.ElseList is null ? Flow.Normal : Walk(dot, range.ElseList);
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow OneIteration(RangeNode range, int bodyMark, object? index, object? element)
    {
        Step(range);
        var decl = range.Pipe.Decl;
        if (decl.Count > 0)
        {
            // With two variables the index comes first; with one it is the element.
            if (range.Pipe.IsAssign)
            {
                SetVar(decl[0].Ident[0], decl.Count > 1 ? index : element);
            }
            else
            {
                SetTopVar(1, element);
            }
        }

        if (decl.Count > 1)
        {
            if (range.Pipe.IsAssign)
            {
                SetVar(decl[1].Ident[0], element);
            }
            else
            {
                SetTopVar(2, index);
            }
        }

        try
        {
            return Walk(element, range.List);
        }
        finally
        {
            Pop(bodyMark);
        }
    }

    private IEnumerable<(object? Index, object? Element)> Iterate(object? value, RangeNode range)
    {
        if (value is null)
        {
            yield break; // A nil value ranges like an empty one.
        }

        if (MapAccessor.For(value) is { } map)
        {
            foreach (var (key, element) in map.SortedEntries(value))
            {
                yield return (key, element);
            }
        }
        else if (GoValues.IsList(value))
        {
            long i = 0;
            foreach (var element in (System.Collections.IEnumerable)value)
            {
                yield return (i++, element);
            }
        }
        else if (GoValues.TryGetInt64(value, out var count))
        {
            if (range.Pipe.Decl.Count > 1)
            {
                throw Fail($"can't use {GoFormatter.Sprint(value)} to iterate over more than one variable");
            }

            for (long i = 0; i < count; i++)
            {
                yield return (i, i);
            }
        }
        else
        {
            throw Fail($"range can't iterate over {GoFormatter.Sprint(value)}");
        }
    }

    private void WalkTemplate(object? dot, TemplateNode node)
    {
        _node = node;
        if (!_trees.TryGetValue(node.Name, out var tree))
        {
            throw Fail($"template {GoQuote.Quote(node.Name)} not defined");
        }

        if (_depth >= MaxExecDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail($"exceeded maximum template depth ({MaxExecDepth})");
        }

        Step(node);

        // Variables declared by the pipeline persist in the caller; the callee sees only $ (no dynamic scoping).
        var newDot = node.Pipe is null ? null : EvalPipeline(dot, node.Pipe);
        var (vars, caller) = (_vars, _tree);
        (_vars, _tree) = ([("$", newDot)], tree);
        _depth++;
        try
        {
            Walk(newDot, tree.Root);
        }
        finally
        {
            (_vars, _tree) = (vars, caller);
            _depth--;
        }
    }
}
