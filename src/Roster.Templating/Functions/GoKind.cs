namespace Roster.Templating.Functions;

/// <summary>The reflect.Kind families consul-template's math and membership functions switch on.</summary>
internal enum GoKind
{
    Other,
    Int,
    Uint,
    Float,
    String,
}
