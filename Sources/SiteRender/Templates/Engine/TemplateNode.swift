/// A parsed Mustache template: what `MustacheParser` makes of a template's
/// text and `TemplateRenderer` walks. Names are split and text is UTF-8
/// already, so rendering does no parsing and no string conversion.
public struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    /// The templates it includes (`{{>name}}`) or extends (`{{<name}}`), anywhere in it.
    var partialNames: [String] {
        var names: [String] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, let body, _): walk(body)
                case .partial(let name, _, let overrides):
                    names.append(name)
                    for override in (overrides ?? [:]).values { walk(override) }
                case .block(_, let defaultNodes, _): walk(defaultNodes)
                }
            }
        }
        walk(nodes)
        return names
    }
}

indirect enum TemplateNode: Sendable {
    /// Literal text, as bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with block overrides. The
    /// indentation is that of a standalone tag, applied to the partial's lines.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: a block a parent template lets its child override.
    case block(String, defaultNodes: [TemplateNode], indentation: String)
}

/// A variable or section name: `.` (the current value), `a.b.c` (the first
/// context that has `a`, then its `b`, then `c`), or `.a` (only the current
/// value's `a`).
struct TemplateName: Sendable, Hashable {
    /// Empty for `.`.
    let parts: [String]
    /// True for `.a`: looked up in the current value only.
    let anchored: Bool

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        anchored = text.hasPrefix(".") && text != "."
    }
}
