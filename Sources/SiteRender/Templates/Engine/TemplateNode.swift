/// A parsed Mustache template: what `MustacheParser` makes of a template's
/// text and `TemplateRenderer` walks. Names are slots and text is UTF-8
/// already, so rendering does no parsing, no string conversion and no string
/// lookup.
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    /// The templates it includes (`{{>name}}`) or extends (`{{<name}}`), anywhere in it, as written.
    let partialNames: [String]
    /// Every `{{{name}}}` and `{{&name}}` in it, where it stands: the theme checks that each
    /// writes a key that holds HTML.
    let rawTags: [RawTag]
}

/// An unescaped tag and its place in the template's text.
struct RawTag: Sendable {
    var name: String
    var slots: [Int]
    /// 1-based, in the template's lines and characters.
    var line: Int
    var column: Int
}

indirect enum TemplateNode: Sendable {
    /// Literal text, as bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped when the value is HTML).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with block overrides (by the block's slot): the
    /// template's index in its set, nil when there is no such template (an error at load). The
    /// indentation is that of a standalone tag, applied to the partial's lines.
    case partial(Int?, indentation: [UInt8]?, overrides: [Int: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: a block (by its name's slot) a parent template lets its child override.
    case block(Int, defaultNodes: [TemplateNode], indentation: [UInt8])
}

/// A variable or section name: `.` (the current value), `a.b.c` (the first
/// context that has `a`, then its `b`, then `c`), or `.a` (only the current
/// value's `a`), each part as its slot.
struct TemplateName: Sendable {
    /// Empty for `.`.
    let slots: [Int]
    /// True for `.a`: looked up in the current value only.
    let anchored: Bool

    init(_ text: String, keys: inout TemplateKeyTable) {
        slots = text.split(separator: ".").map { keys.intern(String($0)) }
        anchored = text.hasPrefix(".") && text != "."
    }
}
