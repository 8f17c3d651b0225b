using Roster.Templating.Execution;
using static Roster.Templating.Tests.Execution.GoTestValues;

namespace Roster.Templating.Tests.Execution;

/// <summary>
/// Go's execTests table (exec_test.go), ported case by case. Skipped groups, because the value model has no
/// such Go types: complex numbers, channels (range count), iterators (range over func), sized and unsigned
/// ints (range int8…uintptr), unsafe pointers, methods on nil receivers (V2/W2, "method on nil value from
/// slice", typed nil interfaces), typed nil printing (NIL prints &lt;no value&gt;: C# null carries no static
/// type), slice capacity (SICap), and nil for a string parameter (C# strings are nullable: .VariadicFuncNilBad, bug11).
/// </summary>
public class ExecTests
{
    private static readonly Dictionary<string, (string Input, string Output, object? Data, bool Ok)> Table = new()
    {
        // Trivial cases.
        ["empty"] = ("", "", null, true),
        ["text"] = ("some text", "some text", null, true),
        ["nil action"] = ("{{nil}}", "", null, false),

        // Ideal constants.
        ["ideal int"] = ("{{typeOf 3}}", "int", 0L, true),
        ["ideal float"] = ("{{typeOf 1.0}}", "float64", 0L, true),
        ["ideal exp float"] = ("{{typeOf 1e1}}", "float64", 0L, true),
        ["ideal int max"] = ("{{typeOf 0x7fffffffffffffff}}", "int", 0L, true),
        ["ideal too big"] = ("{{typeOf 0x8000000000000000}}", "", 0L, false),
        ["ideal nil without type"] = ("{{nil}}", "", 0L, false),

        // Fields of structs.
        [".X"] = ("-{{.X}}-", "-x-", TVal, true),
        [".U.V"] = ("-{{.U.V}}-", "-v-", TVal, true),
        [".unexported"] = ("{{.unexported}}", "", TVal, false),

        // Fields on maps.
        ["map .one"] = ("{{.MSI.one}}", "1", TVal, true),
        ["map .two"] = ("{{.MSI.two}}", "2", TVal, true),
        ["map .NO"] = ("{{.MSI.NO}}", "<no value>", TVal, true),
        ["map .one interface"] = ("{{.MXI.one}}", "1", TVal, true),
        ["map .WRONG args"] = ("{{.MSI.one 1}}", "", TVal, false),
        ["map .WRONG type"] = ("{{.MII.one}}", "", TVal, false),

        // Dots of all kinds to test basic evaluation.
        ["dot int"] = ("<{{.}}>", "<13>", 13L, true),
        ["dot uint"] = ("<{{.}}>", "<14>", 14u, true),
        ["dot float"] = ("<{{.}}>", "<15.1>", 15.1, true),
        ["dot bool"] = ("<{{.}}>", "<true>", true, true),
        ["dot string"] = ("<{{.}}>", "<hello>", "hello", true),
        ["dot slice"] = ("<{{.}}>", "<[-1 -2 -3]>", new long[] { -1, -2, -3 }, true),
        ["dot map"] = ("<{{.}}>", "<map[two:22]>", new Dictionary<string, long> { ["two"] = 22 }, true),
        ["dot struct"] = ("<{{.}}>", "<{7 seven}>", new { a = 7, b = "seven" }, true),

        // Variables.
        ["$ int"] = ("{{$}}", "123", 123L, true),
        ["$.I"] = ("{{$.I}}", "17", TVal, true),
        ["$.U.V"] = ("{{$.U.V}}", "v", TVal, true),
        ["declare in action"] = ("{{$x := $.U.V}}{{$x}}", "v", TVal, true),
        ["simple assignment"] = ("{{$x := 2}}{{$x = 3}}{{$x}}", "3", TVal, true),
        ["nested assignment"] = ("{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}", "3", TVal, true),
        ["nested assignment changes the last declaration"] = ("{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}", "1", TVal, true),

        // Type with String method.
        ["V{6666}.String()"] = ("-{{.V0}}-", "-<6666>-", TVal, true),
        ["&V{7777}.String()"] = ("-{{.V1}}-", "-<7777>-", TVal, true),

        // Type with Error method.
        ["W{888}.Error()"] = ("-{{.W0}}-", "-[888]-", TVal, true),
        ["&W{999}.Error()"] = ("-{{.W1}}-", "-[999]-", TVal, true),

        // Pointers.
        ["*int"] = ("{{.PI}}", "23", TVal, true),
        ["*string"] = ("{{.PS}}", "a string", TVal, true),
        ["*[]int"] = ("{{.PSI}}", "[21 22 23]", TVal, true),
        ["*[]int[1]"] = ("{{index .PSI 1}}", "22", TVal, true),

        // Empty interfaces holding values.
        ["empty nil"] = ("{{.Empty0}}", "<no value>", TVal, true),
        ["empty with int"] = ("{{.Empty1}}", "3", TVal, true),
        ["empty with string"] = ("{{.Empty2}}", "empty2", TVal, true),
        ["empty with slice"] = ("{{.Empty3}}", "[7 8]", TVal, true),
        ["empty with struct"] = ("{{.Empty4}}", "{UinEmpty}", TVal, true),
        ["empty with struct, field"] = ("{{.Empty4.V}}", "UinEmpty", TVal, true),

        // Edge cases with <no value> with an interface value
        ["field on interface"] = ("{{.foo}}", "<no value>", null, true),
        ["field on parenthesized interface"] = ("{{(.).foo}}", "<no value>", null, true),

        // Issue 31810: Parenthesized first element of pipeline with arguments.
        ["unparenthesized non-function"] = ("{{1 2}}", "", null, false),
        ["parenthesized non-function"] = ("{{(1) 2}}", "", null, false),
        ["parenthesized non-function with no args"] = ("{{(1)}}", "1", null, true),

        // Method calls.
        [".Method0"] = ("-{{.Method0}}-", "-M0-", TVal, true),
        [".Method1(1234)"] = ("-{{.Method1 1234}}-", "-1234-", TVal, true),
        [".Method1(.I)"] = ("-{{.Method1 .I}}-", "-17-", TVal, true),
        [".Method2(3, .X)"] = ("-{{.Method2 3 .X}}-", "-Method2: 3 x-", TVal, true),
        [".Method2(.U16, `str`)"] = ("-{{.Method2 .U16 `str`}}-", "-Method2: 16 str-", TVal, true),
        [".Method2(.U16, $x)"] = ("{{if $x := .X}}-{{.Method2 .U16 $x}}{{end}}-", "-Method2: 16 x-", TVal, true),
        [".Method3(nil constant)"] = ("-{{.Method3 nil}}-", "-Method3: <nil>-", TVal, true),
        [".Method3(nil value)"] = ("-{{.Method3 .MXI.unset}}-", "-Method3: <nil>-", TVal, true),
        ["method on var"] = ("{{if $x := .}}-{{$x.Method2 .U16 $x.X}}{{end}}-", "-Method2: 16 x-", TVal, true),
        ["method on chained var"] = ("{{range .MSIone}}{{if $.U.TrueFalse $.True}}{{$.U.TrueFalse $.True}}{{else}}WRONG{{end}}{{end}}", "true", TVal, true),
        ["chained method"] = ("{{range .MSIone}}{{if $.GetU.TrueFalse $.True}}{{$.U.TrueFalse $.True}}{{else}}WRONG{{end}}{{end}}", "true", TVal, true),
        ["chained method on variable"] = ("{{with $x := .}}{{with .SI}}{{$.GetU.TrueFalse $.True}}{{end}}{{end}}", "true", TVal, true),
        [".NilOKFunc not nil"] = ("{{call .NilOKFunc .PI}}", "false", TVal, true),
        [".NilOKFunc nil"] = ("{{call .NilOKFunc nil}}", "true", TVal, true),

        // Function call builtin.
        [".BinaryFunc"] = ("{{call .BinaryFunc `1` `2`}}", "[1=2]", TVal, true),
        [".VariadicFunc0"] = ("{{call .VariadicFunc}}", "<>", TVal, true),
        [".VariadicFunc2"] = ("{{call .VariadicFunc `he` `llo`}}", "<he+llo>", TVal, true),
        [".VariadicFuncInt"] = ("{{call .VariadicFuncInt 33 `he` `llo`}}", "33=<he+llo>", TVal, true),
        ["if .BinaryFunc call"] = ("{{ if .BinaryFunc}}{{call .BinaryFunc `1` `2`}}{{end}}", "[1=2]", TVal, true),
        ["if not .BinaryFunc call"] = ("{{ if not .BinaryFunc}}{{call .BinaryFunc `1` `2`}}{{else}}No{{end}}", "No", TVal, true),
        ["Interface Call"] = ("{{stringer .S}}", "foozle", new Dictionary<string, object?> { ["S"] = new Buffer("foozle") }, true),
        [".ErrFunc"] = ("{{call .ErrFunc}}", "bla", TVal, true),
        ["call nil"] = ("{{call nil}}", "", TVal, false),
        ["empty call"] = ("{{call}}", "", TVal, false),
        ["empty call after pipe valid"] = ("{{.ErrFunc | call}}", "bla", TVal, true),
        ["empty call after pipe invalid"] = ("{{1 | call}}", "", TVal, false),

        // Erroneous function calls (check args).
        [".BinaryFuncTooFew"] = ("{{call .BinaryFunc `1`}}", "", TVal, false),
        [".BinaryFuncTooMany"] = ("{{call .BinaryFunc `1` `2` `3`}}", "", TVal, false),
        [".BinaryFuncBad0"] = ("{{call .BinaryFunc 1 3}}", "", TVal, false),
        [".BinaryFuncBad1"] = ("{{call .BinaryFunc `1` 3}}", "", TVal, false),
        [".VariadicFuncBad0"] = ("{{call .VariadicFunc 3}}", "", TVal, false),
        [".VariadicFuncIntBad0"] = ("{{call .VariadicFuncInt}}", "", TVal, false),
        [".VariadicFuncIntBad`"] = ("{{call .VariadicFuncInt `x`}}", "", TVal, false),

        // Pipelines.
        ["pipeline"] = ("-{{.Method0 | .Method2 .U16}}-", "-Method2: 16 M0-", TVal, true),
        ["pipeline func"] = ("-{{call .VariadicFunc `llo` | call .VariadicFunc `he` }}-", "-<he+<llo>>-", TVal, true),

        // Nil values aren't missing arguments.
        ["nil pipeline"] = ("{{ .Empty0 | call .NilOKFunc }}", "true", TVal, true),
        ["nil call arg"] = ("{{ call .NilOKFunc .Empty0 }}", "true", TVal, true),
        ["bad nil pipeline"] = ("{{ .Empty0 | .VariadicFunc }}", "", TVal, false),

        // Parenthesized expressions
        ["parens in pipeline"] = ("{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}", "1 5 15", TVal, true),

        // Parenthesized expressions with field accesses
        ["parens: $ in paren"] = ("{{($).X}}", "x", TVal, true),
        ["parens: $.GetU in paren"] = ("{{($.GetU).V}}", "v", TVal, true),
        ["parens: $ in paren in pipe"] = ("{{($ | echo).X}}", "x", TVal, true),
        ["parens: spaces and args"] = ("{{(makemap \"up\" \"down\" \"left\" \"right\").left}}", "right", TVal, true),

        // If.
        ["if true"] = ("{{if true}}TRUE{{end}}", "TRUE", TVal, true),
        ["if false"] = ("{{if false}}TRUE{{else}}FALSE{{end}}", "FALSE", TVal, true),
        ["if nil"] = ("{{if nil}}TRUE{{end}}", "", TVal, false),
        ["if 1"] = ("{{if 1}}NON-ZERO{{else}}ZERO{{end}}", "NON-ZERO", TVal, true),
        ["if 0"] = ("{{if 0}}NON-ZERO{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["if 1.5"] = ("{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}", "NON-ZERO", TVal, true),
        ["if 0.0"] = ("{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["if nonNilPointer"] = ("{{if .PI}}NON-ZERO{{else}}ZERO{{end}}", "NON-ZERO", TVal, true),
        ["if nilPointer"] = ("{{if .NIL}}NON-ZERO{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["if emptystring"] = ("{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["if string"] = ("{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY", TVal, true),
        ["if emptyslice"] = ("{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["if slice"] = ("{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY", TVal, true),
        ["if emptymap"] = ("{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["if map"] = ("{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY", TVal, true),
        ["if map unset"] = ("{{if .MXI.none}}NON-ZERO{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["if map not unset"] = ("{{if not .MXI.none}}ZERO{{else}}NON-ZERO{{end}}", "ZERO", TVal, true),
        ["if $x with $y int"] = ("{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}", "true,17", TVal, true),
        ["if $x with $x int"] = ("{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}", "17,true", TVal, true),
        ["if else if"] = ("{{if false}}FALSE{{else if true}}TRUE{{end}}", "TRUE", TVal, true),
        ["if else chain"] = ("{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}", "3", TVal, true),

        // Print etc.
        ["print"] = ("{{print \"hello, print\"}}", "hello, print", TVal, true),
        ["print 123"] = ("{{print 1 2 3}}", "1 2 3", TVal, true),
        ["print nil"] = ("{{print nil}}", "<nil>", TVal, true),
        ["println"] = ("{{println 1 2 3}}", "1 2 3\n", TVal, true),
        ["printf int"] = ("{{printf \"%04x\" 127}}", "007f", TVal, true),
        ["printf float"] = ("{{printf \"%g\" 3.5}}", "3.5", TVal, true),
        ["printf string"] = ("{{printf \"%s\" \"hello\"}}", "hello", TVal, true),
        ["printf function"] = ("{{printf \"%#q\" zeroArgs}}", "`zeroArgs`", TVal, true),
        ["printf field"] = ("{{printf \"%s\" .U.V}}", "v", TVal, true),
        ["printf method"] = ("{{printf \"%s\" .Method0}}", "M0", TVal, true),
        ["printf dot"] = ("{{with .I}}{{printf \"%d\" .}}{{end}}", "17", TVal, true),
        ["printf var"] = ("{{with $x := .I}}{{printf \"%d\" $x}}{{end}}", "17", TVal, true),
        ["printf lots"] = ("{{printf \"%d %s %g %s\" 127 \"hello\" 7.5 .Method0}}", "127 hello 7.5 M0", TVal, true),

        // HTML.
        ["html"] = ("{{html \"<script>alert(\\\"XSS\\\");</script>\"}}", "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;", null, true),
        ["html pipeline"] = ("{{printf \"<script>alert(\\\"XSS\\\");</script>\" | html}}", "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;", null, true),
        ["html PS"] = ("{{html .PS}}", "a string", TVal, true),
        ["html untyped nil"] = ("{{html .Empty0}}", "&lt;no value&gt;", TVal, true),

        // JavaScript.
        ["js"] = ("{{js .}}", "It\\'d be nice.", "It'd be nice.", true),

        // URL query.
        ["urlquery"] = ("{{\"http://www.example.org/\"|urlquery}}", "http%3A%2F%2Fwww.example.org%2F", null, true),

        // Booleans
        ["not"] = ("{{not true}} {{not false}}", "false true", null, true),
        ["and"] = ("{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}", "false 0 0 1", null, true),
        ["or"] = ("{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}", "0 1 true 1", null, true),
        ["or short-circuit"] = ("{{or 0 1 (die)}}", "1", null, true),
        ["and short-circuit"] = ("{{and 1 0 (die)}}", "0", null, true),
        ["or short-circuit2"] = ("{{or 0 0 (die)}}", "", null, false),
        ["and short-circuit2"] = ("{{and 1 1 (die)}}", "", null, false),
        ["and pipe-true"] = ("{{1 | and 1}}", "1", null, true),
        ["and pipe-false"] = ("{{0 | and 1}}", "0", null, true),
        ["or pipe-true"] = ("{{1 | or 0}}", "1", null, true),
        ["or pipe-false"] = ("{{0 | or 0}}", "0", null, true),
        ["and undef"] = ("{{and 1 .Unknown}}", "<no value>", null, true),
        ["or undef"] = ("{{or 0 .Unknown}}", "<no value>", null, true),
        ["boolean if"] = ("{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}", "TRUE", TVal, true),
        ["boolean if not"] = ("{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}", "FALSE", null, true),
        ["boolean if pipe"] = ("{{if true | not | and 1}}TRUE{{else}}FALSE{{end}}", "FALSE", null, true),

        // Indexing.
        ["slice[0]"] = ("{{index .SI 0}}", "3", TVal, true),
        ["slice[1]"] = ("{{index .SI 1}}", "4", TVal, true),
        ["slice[HUGE]"] = ("{{index .SI 10}}", "", TVal, false),
        ["slice[WRONG]"] = ("{{index .SI `hello`}}", "", TVal, false),
        ["slice[nil]"] = ("{{index .SI nil}}", "", TVal, false),
        ["map[one]"] = ("{{index .MSI `one`}}", "1", TVal, true),
        ["map[two]"] = ("{{index .MSI `two`}}", "2", TVal, true),
        ["map[NO]"] = ("{{index .MSI `XXX`}}", "0", TVal, true),
        ["map[nil]"] = ("{{index .MSI nil}}", "", TVal, false),
        ["map[``]"] = ("{{index .MSI ``}}", "0", TVal, true),
        ["map[WRONG]"] = ("{{index .MSI 10}}", "", TVal, false),
        ["double index"] = ("{{index .SMSI 1 `eleven`}}", "11", TVal, true),
        ["nil[1]"] = ("{{index nil 1}}", "", TVal, false),
        ["map MI64S"] = ("{{index .MI64S 2}}", "i642", TVal, true),
        ["map MI32S"] = ("{{index .MI32S 2}}", "two", TVal, true),
        ["map MUI64S"] = ("{{index .MUI64S 3}}", "ui643", TVal, true),
        ["map MI8S"] = ("{{index .MI8S 3}}", "i83", TVal, true),
        ["map MUI8S"] = ("{{index .MUI8S 2}}", "u82", TVal, true),
        ["index of an interface field"] = ("{{index .Empty3 0}}", "7", TVal, true),

        // Slicing.
        ["slice[:]"] = ("{{slice .SI}}", "[3 4 5]", TVal, true),
        ["slice[1:]"] = ("{{slice .SI 1}}", "[4 5]", TVal, true),
        ["slice[1:2]"] = ("{{slice .SI 1 2}}", "[4]", TVal, true),
        ["slice[-1:]"] = ("{{slice .SI -1}}", "", TVal, false),
        ["slice[1:-2]"] = ("{{slice .SI 1 -2}}", "", TVal, false),
        ["slice[1:2:-1]"] = ("{{slice .SI 1 2 -1}}", "", TVal, false),
        ["slice[2:1]"] = ("{{slice .SI 2 1}}", "", TVal, false),
        ["slice[2:2:1]"] = ("{{slice .SI 2 2 1}}", "", TVal, false),
        ["out of range"] = ("{{slice .SI 4 5}}", "", TVal, false),
        ["out of range 3-index"] = ("{{slice .SI 2 2 5}}", "", TVal, false),
        ["array[:]"] = ("{{slice .AI}}", "[3 4 5]", TVal, true),
        ["array[1:]"] = ("{{slice .AI 1}}", "[4 5]", TVal, true),
        ["array[1:2]"] = ("{{slice .AI 1 2}}", "[4]", TVal, true),
        ["string[:]"] = ("{{slice .S}}", "xyz", TVal, true),
        ["string[0:1]"] = ("{{slice .S 0 1}}", "x", TVal, true),
        ["string[1:]"] = ("{{slice .S 1}}", "yz", TVal, true),
        ["string[1:2]"] = ("{{slice .S 1 2}}", "y", TVal, true),
        ["out of range string"] = ("{{slice .S 1 5}}", "", TVal, false),
        ["3-index slice of string"] = ("{{slice .S 1 2 2}}", "", TVal, false),
        ["slice of an interface field"] = ("{{slice .Empty3 0 1}}", "[7]", TVal, true),

        // Len.
        ["slice"] = ("{{len .SI}}", "3", TVal, true),
        ["map"] = ("{{len .MSI }}", "3", TVal, true),
        ["len of int"] = ("{{len 3}}", "", TVal, false),
        ["len of nothing"] = ("{{len .Empty0}}", "", TVal, false),
        ["len of an interface field"] = ("{{len .Empty3}}", "2", TVal, true),

        // With.
        ["with true"] = ("{{with true}}{{.}}{{end}}", "true", TVal, true),
        ["with false"] = ("{{with false}}{{.}}{{else}}FALSE{{end}}", "FALSE", TVal, true),
        ["with 1"] = ("{{with 1}}{{.}}{{else}}ZERO{{end}}", "1", TVal, true),
        ["with 0"] = ("{{with 0}}{{.}}{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["with 1.5"] = ("{{with 1.5}}{{.}}{{else}}ZERO{{end}}", "1.5", TVal, true),
        ["with 0.0"] = ("{{with .FloatZero}}{{.}}{{else}}ZERO{{end}}", "ZERO", TVal, true),
        ["with emptystring"] = ("{{with ``}}{{.}}{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["with string"] = ("{{with `notempty`}}{{.}}{{else}}EMPTY{{end}}", "notempty", TVal, true),
        ["with emptyslice"] = ("{{with .SIEmpty}}{{.}}{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["with slice"] = ("{{with .SI}}{{.}}{{else}}EMPTY{{end}}", "[3 4 5]", TVal, true),
        ["with emptymap"] = ("{{with .MSIEmpty}}{{.}}{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["with map"] = ("{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}", "map[one:1]", TVal, true),
        ["with empty interface, struct field"] = ("{{with .Empty4}}{{.V}}{{end}}", "UinEmpty", TVal, true),
        ["with $x int"] = ("{{with $x := .I}}{{$x}}{{end}}", "17", TVal, true),
        ["with $x struct.U.V"] = ("{{with $x := $}}{{$x.U.V}}{{end}}", "v", TVal, true),
        ["with variable and action"] = ("{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}", "v", TVal, true),
        ["with else with"] = ("{{with 0}}{{.}}{{else with true}}{{.}}{{end}}", "true", TVal, true),
        ["with else with chain"] = ("{{with 0}}{{.}}{{else with false}}{{.}}{{else with `notempty`}}{{.}}{{end}}", "notempty", TVal, true),

        // Range.
        ["range []int"] = ("{{range .SI}}-{{.}}-{{end}}", "-3--4--5-", TVal, true),
        ["range empty no else"] = ("{{range .SIEmpty}}-{{.}}-{{end}}", "", TVal, true),
        ["range []int else"] = ("{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}", "-3--4--5-", TVal, true),
        ["range empty else"] = ("{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["range []int break else"] = ("{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}", "-3-", TVal, true),
        ["range []int continue else"] = ("{{range .SI}}-{{.}}-{{continue}}NOTREACHED{{else}}EMPTY{{end}}", "-3--4--5-", TVal, true),
        ["range []bool"] = ("{{range .SB}}-{{.}}-{{end}}", "-true--false-", TVal, true),
        ["range []int method"] = ("{{range .SI | .MAdd .I}}-{{.}}-{{end}}", "-20--21--22-", TVal, true),
        ["range map"] = ("{{range .MSI}}-{{.}}-{{end}}", "-1--3--2-", TVal, true),
        ["range empty map no else"] = ("{{range .MSIEmpty}}-{{.}}-{{end}}", "", TVal, true),
        ["range map else"] = ("{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}", "-1--3--2-", TVal, true),
        ["range empty map else"] = ("{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", "EMPTY", TVal, true),
        ["range empty interface"] = ("{{range .Empty3}}-{{.}}-{{else}}EMPTY{{end}}", "-7--8-", TVal, true),
        ["range empty nil"] = ("{{range .Empty0}}-{{.}}-{{end}}", "", TVal, true),
        ["range $x SI"] = ("{{range $x := .SI}}<{{$x}}>{{end}}", "<3><4><5>", TVal, true),
        ["range $x $y SI"] = ("{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}", "<0=3><1=4><2=5>", TVal, true),
        ["range $x MSIone"] = ("{{range $x := .MSIone}}<{{$x}}>{{end}}", "<1>", TVal, true),
        ["range $x $y MSIone"] = ("{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}", "<one=1>", TVal, true),
        ["range $x PSI"] = ("{{range $x := .PSI}}<{{$x}}>{{end}}", "<21><22><23>", TVal, true),
        ["declare in range"] = ("{{range $x := .PSI}}<{{$foo:=$x}}{{$x}}>{{end}}", "<21><22><23>", TVal, true),
        ["range int"] = ("{{range $v := .}}{{printf \"%T%d\" $v $v}}{{end}}", "int0int1int2int3int4", 5L, true),
        ["range 5"] = ("{{range $v := 5}}{{printf \"%T%d\" $v $v}}{{end}}", "int0int1int2int3int4", null, true),

        // Cute examples.
        ["or as if true"] = ("{{or .SI \"slice is empty\"}}", "[3 4 5]", TVal, true),
        ["or as if false"] = ("{{or .SIEmpty \"slice is empty\"}}", "slice is empty", TVal, true),

        // Error handling.
        ["error method, error"] = ("{{.MyError true}}", "", TVal, false),
        ["error method, no error"] = ("{{.MyError false}}", "false", TVal, true),

        // Numbers
        ["decimal"] = ("{{print 1234}}", "1234", TVal, true),
        ["decimal _"] = ("{{print 12_34}}", "1234", TVal, true),
        ["binary"] = ("{{print 0b101}}", "5", TVal, true),
        ["binary _"] = ("{{print 0b_1_0_1}}", "5", TVal, true),
        ["BINARY"] = ("{{print 0B101}}", "5", TVal, true),
        ["octal0"] = ("{{print 0377}}", "255", TVal, true),
        ["octal"] = ("{{print 0o377}}", "255", TVal, true),
        ["octal _"] = ("{{print 0o_3_7_7}}", "255", TVal, true),
        ["OCTAL"] = ("{{print 0O377}}", "255", TVal, true),
        ["hex"] = ("{{print 0x123}}", "291", TVal, true),
        ["hex _"] = ("{{print 0x1_23}}", "291", TVal, true),
        ["HEX"] = ("{{print 0X123ABC}}", "1194684", TVal, true),
        ["float"] = ("{{print 123.4}}", "123.4", TVal, true),
        ["float _"] = ("{{print 0_0_1_2_3.4}}", "123.4", TVal, true),
        ["hex float"] = ("{{print +0x1.ep+2}}", "7.5", TVal, true),
        ["hex float _"] = ("{{print +0x_1.e_0p+0_2}}", "7.5", TVal, true),
        ["HEX float"] = ("{{print +0X1.EP+2}}", "7.5", TVal, true),
        ["print multi"] = ("{{print 1_2_3_4 7.5_00_00_00}}", "1234 7.5", TVal, true),
        ["print multi2"] = ("{{print 1234 0x0_1.e_0p+02}}", "1234 7.5", TVal, true),

        // Fixed bugs.
        ["bug0"] = ("{{range .MSIone}}{{if $.Method1 .}}X{{end}}{{end}}", "X", TVal, true),
        ["bug1"] = ("{{.Method0}}", "M0", TVal, true),
        ["bug2"] = ("{{$.NonEmptyInterface.Method0}}", "M0", TVal, true),
        ["bug3"] = ("{{with $}}{{.Method0}}{{end}}", "M0", TVal, true),
        ["bug4"] = ("{{if .Empty0}}non-nil{{else}}nil{{end}}", "nil", TVal, true),
        ["bug5"] = ("{{.Str}}", "foozle", TVal, true),
        ["bug5a"] = ("{{.Err}}", "erroozle", TVal, true),
        ["bug6a"] = ("{{vfunc .V0 .V1}}", "vfunc", TVal, true),
        ["bug6b"] = ("{{vfunc .V0 .V0}}", "vfunc", TVal, true),
        ["bug6c"] = ("{{vfunc .V1 .V0}}", "vfunc", TVal, true),
        ["bug6d"] = ("{{vfunc .V1 .V1}}", "vfunc", TVal, true),
        ["bug7a"] = ("{{3 2}}", "", TVal, false),
        ["bug7b"] = ("{{$x := 1}}{{$x 2}}", "", TVal, false),
        ["bug7c"] = ("{{$x := 1}}{{3 | $x}}", "", TVal, false),
        ["bug8a"] = ("{{3|oneArg}}", "", TVal, false),
        ["bug8b"] = ("{{4|dddArg 3}}", "", TVal, false),
        ["bug9"] = ("{{.cause}}", "neglect", new Dictionary<string, string> { ["cause"] = "neglect" }, true),
        ["bug10"] = ("{{mapOfThree.three}}-{{(mapOfThree).three}}", "3-3", 0L, true),
        ["bug12xe"] = ("{{printf `%T` 0xef}}", "int", new T(), true),
        ["bug12xE"] = ("{{printf `%T` 0xEE}}", "int", new T(), true),
        ["bug12Xe"] = ("{{printf `%T` 0Xef}}", "int", new T(), true),
        ["bug12XE"] = ("{{printf `%T` 0XEE}}", "int", new T(), true),
        ["bug13"] = ("{{print (.Copy).I}}", "17", TVal, true),
        ["bug14a"] = ("{{(nil).True}}", "", TVal, false),
        ["bug14b"] = ("{{$x := nil}}{{$x.anything}}", "", TVal, false),
        ["bug14c"] = ("{{$x := (1.0)}}{{$y := (\"hello\")}}{{$x.anything}}{{$y.true}}", "", TVal, false),
        ["bug15"] = ("{{valueString returnInt}}", "", TVal, false),
        ["bug16a"] = ("{{true|printf}}", "", TVal, false),
        ["bug16b"] = ("{{1|printf}}", "", TVal, false),
        ["bug16c"] = ("{{1.1|printf}}", "", TVal, false),
        ["bug16d"] = ("{{'x'|printf}}", "", TVal, false),
        ["bug16f"] = ("{{true|twoArgs \"xxx\"}}", "", TVal, false),
        ["bug16g"] = ("{{\"aaa\" |twoArgs \"bbb\"}}", "twoArgs=bbbaaa", TVal, true),
        ["bug16h"] = ("{{1|oneArg}}", "", TVal, false),
        ["bug16i"] = ("{{\"aaa\"|oneArg}}", "oneArg=aaa", TVal, true),
        ["bug16k"] = ("{{\"aaa\"|printf }}", "aaa", TVal, true),
        ["bug17a"] = ("{{.NonEmptyInterface.X}}", "x", TVal, true),
        ["bug17b"] = ("-{{.NonEmptyInterface.Method1 1234}}-", "-1234-", TVal, true),
        ["bug17c"] = ("{{len .NonEmptyInterfacePtS}}", "2", TVal, true),
        ["bug17d"] = ("{{index .NonEmptyInterfacePtS 0}}", "a", TVal, true),
        ["bug17e"] = ("{{range .NonEmptyInterfacePtS}}-{{.}}-{{end}}", "-a--b-", TVal, true),
        ["bug18a"] = ("{{eq . '.'}}", "true", '.', true),
        ["bug18b"] = ("{{eq . 'e'}}", "true", 'e', true),
        ["bug18c"] = ("{{eq . 'P'}}", "true", 'P', true),
        ["issue56490"] = ("{{$i := 0}}{{$x := 0}}{{range $i = .AI}}{{end}}{{$i}}", "5", TVal, true),
        ["issue60801"] = ("{{$k := 0}}{{$v := 0}}{{range $k, $v = .AI}}{{$k}}={{$v}} {{end}}", "0=3 1=4 2=5 ", TVal, true),
    };

    public static TheoryData<string> ExecTestNames => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(ExecTestNames))]
    public void Execute_GoExecTests_ProducesGoOutputOrError(string name)
    {
        var (input, output, data, ok) = Table[name];
        var template = GoTemplate.Parse(name, input, Funcs);
        var writer = new StringWriter();
        var exception = Record.Exception(() => template.Execute(writer, data));
        if (ok)
        {
            Assert.Null(exception);
        }
        else
        {
            Assert.IsType<TemplateException>(exception);
        }

        Assert.Equal(output, writer.ToString());
    }
}
