using System.Globalization;
using System.Runtime.CompilerServices;
using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>
/// Go's exec.go state: walks a tree, writing text and printed values. One instance per Execute call,
/// so the shared, immutable parsed templates can be executed concurrently.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>Go's missingVal: "no value was piped in", distinct from a piped nil.</summary>
    private static readonly object Missing = new();

    private readonly IReadOnlyDictionary<string, TemplateTree> _trees;
    private readonly FunctionTable _functions;
    private readonly TextWriter _output;
    private readonly MissingKey _missingKey;
    private List<(string Name, object? Value)> _vars = [];
    private TemplateTree _tree;
    private Node? _node;
    private int _depth;
    private readonly long _maxSteps;
    private long _steps;

    public Evaluator(IReadOnlyDictionary<string, TemplateTree> trees, FunctionTable functions, TextWriter output, TemplateTree tree, MissingKey missingKey = MissingKey.Default, long maxSteps = DefaultMaxSteps)
    {
        _maxSteps = maxSteps;
        _missingKey = missingKey;
        _trees = trees;
        _functions = functions;
        _output = output;
        _tree = tree;
    }

    /// <summary>How a walk ended: normally, or by {{break}} / {{continue}} on its way to the enclosing range.</summary>
    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    public void Execute(object? data)
    {
        // A function that renders templates (consul-template's executeTemplate) can recurse through here.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail("exceeded maximum template depth");
        }

        _vars = [("$", data)];
        Walk(data, _tree.Root);
    }

    private Flow Walk(object? dot, Node node)
    {
        _node = node;
        switch (node)
        {
            case ActionNode action:
                // A declaration prints nothing; its variables live until the enclosing {{end}}.
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Decl.Count == 0)
                {
                    PrintValue(action, value);
                }

                return Flow.Normal;
            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            case CommentNode:
                return Flow.Normal;
            case IfNode branch:
                return WalkIfOrWith(isWith: false, dot, branch.Pipe, branch.List, branch.ElseList);
            case WithNode branch:
                return WalkIfOrWith(isWith: true, dot, branch.Pipe, branch.List, branch.ElseList);
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case RangeNode range:
                return WalkRange(dot, range);
            case TemplateNode template:
                WalkTemplate(dot, template);
                return Flow.Normal;
            case TextNode text:
                _output.Write(text.Text);
                return Flow.Normal;
            default:
                throw Fail($"unknown node: {node}");
        }
    }

    private void PrintValue(Node node, object? value)
    {
        _node = node;
        if (value is Delegate)
        {
            throw Fail($"can't print {node} of type {GoTypes.NameOf(value)}");
        }

        // Go prints an invalid value (nil interface, missing map key) as "<no value>".
        _output.Write(value is null ? "<no value>" : GoFormatter.Sprint(value));
    }

    private void Push(string name, object? value) => _vars.Add((name, value));

    private void Pop(int mark) => _vars.RemoveRange(mark, _vars.Count - mark);

    private void SetVar(string name, object? value)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                _vars[i] = (name, value);
                return;
            }
        }

        throw Fail("undefined variable: " + name);
    }

    private void SetTopVar(int n, object? value) => _vars[^n] = (_vars[^n].Name, value);

    private object? VarValue(string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                return _vars[i].Value;
            }
        }

        throw Fail("undefined variable: " + name);
    }

    /// <summary>Go's errorf: <c>template: NAME:LINE:COL: executing "TEMPLATE" at &lt;NODE&gt;: MESSAGE</c>.</summary>
    private TemplateException Fail(string message, Exception? inner = null)
    {
        var source = _tree.Source;
        if (_node is null)
        {
            return new TemplateException($"template: {_tree.Name}: {message}", source.Name, 0, 0, inner);
        }

        // Go's column is the 0-based byte offset of the node within its line.
        var line = source.LineOf(_node.Pos);
        var column = source.ByteColumnOf(_node.Pos);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"template: {source.Name}:{line}:{column}: executing {GoQuote.Quote(_tree.Name)} at <{_node}>: {message}");
        return new TemplateException(text, source.Name, line, column, inner);
    }
}
