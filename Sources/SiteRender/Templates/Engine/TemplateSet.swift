/// A theme's templates, parsed together: every name in them numbered in one
/// `TemplateKeyTable` (so the views' `TemplateKey`s find them), every partial
/// and parent resolved to the template's index, and the whole compiled into
/// one `TemplateProgram`.
struct TemplateSet: Sendable {
    private(set) var keys = TemplateKeyTable()
    /// Template name → index in `templates`.
    let indices: [String: Int]
    /// nil where the template did not parse.
    private(set) var templates: [CompiledTemplate?]
    /// All of them as one program, which `TemplateRenderer` walks.
    private(set) var program = TemplateProgram([])

    /// Parses `sources` (template name → text) in name order; the ones that do not parse are
    /// left out and returned with their failure.
    static func compile(_ sources: [String: String]) -> (TemplateSet, [(name: String, failure: MustacheParser.Failure)]) {
        let names = sources.keys.sorted()
        var set = TemplateSet(indices: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) }),
                              templates: [CompiledTemplate?](repeating: nil, count: names.count))
        var failures: [(name: String, failure: MustacheParser.Failure)] = []
        for (index, name) in names.enumerated() {
            guard let text = sources[name] else { continue }
            do {
                set.templates[index] = try MustacheParser.parse(text, keys: &set.keys, templates: set.indices)
            } catch {
                failures.append((name, error))
            }
        }
        set.program = TemplateProgram(set.templates)
        return (set, failures)
    }

    private init(indices: [String: Int], templates: [CompiledTemplate?]) {
        self.indices = indices
        self.templates = templates
    }

    func template(_ name: String) -> CompiledTemplate? {
        indices[name].flatMap { templates[$0] }
    }
}
