/// One page before it is rendered: the template that renders it, its view, and
/// what it took from content beside the view (the links its texts write, for the
/// link check, and the problems of its Markdown fragments), which no template reads.
public struct PageView: Sendable {
    public var template: String
    public var view: TemplateObject
    public var sources: PageSources

    public init(template: String, view: TemplateObject, sources: PageSources = PageSources()) {
        self.template = template
        self.view = view
        self.sources = sources
    }
}
