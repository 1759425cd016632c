import Yams

/// Decodes notices and free pages: front matter (`title`, `summary`, `tags`,
/// and for notices an optional `date` that must agree with the file name),
/// the Markdown body, and the English companion file, whose front matter may
/// give the English title.
enum ArticleDecoder {
    static let keys = ["title", "summary", "tags", "date", "draft"]

    static func decode(_ files: ArticleFiles, into diagnostics: inout Diagnostics) -> Article? {
        let prefix = files.kind == .notice ? "notices" : "pages"
        guard let file = files.zh else {
            if let en = files.en {
                diagnostics.append(.error(.missingFile, at: en.start,
                                          "缺少中文文件 (the English file has no Chinese original): \(prefix)/\(files.stem).md",
                                          hint: "the Chinese file comes first; the .en.md file is its translation"))
            }
            return nil
        }
        var date: Day?
        var slug = files.stem
        if files.kind == .notice {
            let parts = files.stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4, let day = Day(iso: parts[0...2].joined(separator: "-")), IdentifierSyntax.isValid(String(parts[3])) {
                date = day
            } else {
                diagnostics.append(.error(.invalidName, at: file.start,
                                          "通知文件名应为 YYYY-MM-DD-名称.md (a notice is named by its date and a slug): \(files.stem).md",
                                          hint: "for example notices/2025-03-01-spring-inspection.md"))
                return nil
            }
        } else if !IdentifierSyntax.isValid(files.stem) {
            diagnostics.append(.error(.invalidId, at: file.start,
                                      "页面文件名无效 (the page's file name is not a valid id): \(files.stem).md",
                                      hint: "lowercase ASCII letters, digits and hyphens, e.g. pages/report.md"))
            return nil
        }
        slug = files.stem
        guard let split = PlanDecoder.splitFrontMatter(file, into: &diagnostics),
              let root = YAMLDocument.compose(split.yaml, file: file.path, into: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "front matter") else { return nil }
        reader.checkKeys(map, known: keys)
        guard var title = reader.required(map, "title", files.kind.rawValue).flatMap({ reader.text($0, "title") }) else { return nil }
        if let node = map["date"], let day = reader.day(node, "date") {
            if let named = date, day != named {
                reader.error(.dateMismatch, node, "date 与文件名中的日期不一致 (date \(day) differs from the file name's \(named))",
                             hint: "rename the file or correct the date")
            } else if files.kind == .page {
                // A free page's 发布日期 (or the date it was last revised): shown on the page.
                date = day
            }
        }
        var summary = map["summary"].flatMap { reader.text($0, "summary") }
        let tags = map["tags"].map { node in reader.list(node, "tags").compactMap { reader.string($0, "tag") } } ?? []
        let body = MarkdownSource(text: split.body, file: file.path, firstLine: split.bodyFirstLine)
        var bodyEN: MarkdownSource?
        if let en = files.en {
            // The English file: front matter optional; its title and summary are the English ones.
            if PlanDecoder.hasFrontMatter(en) {
                if let enSplit = PlanDecoder.splitFrontMatter(en, into: &diagnostics) {
                    bodyEN = MarkdownSource(text: enSplit.body, file: en.path, firstLine: enSplit.bodyFirstLine)
                    if let enRoot = YAMLDocument.compose(enSplit.yaml, file: en.path, into: &diagnostics), !YAMLReader.isNull(enRoot) {
                        var enReader = YAMLReader(file: en.path)
                        if let enMap = enReader.mapping(enRoot, "front matter") {
                            enReader.checkKeys(enMap, known: ["title", "summary"])
                            if let text = enMap["title"].flatMap({ enReader.string($0, "title") }) { title.en = text }
                            if let text = enMap["summary"].flatMap({ enReader.string($0, "summary") }) {
                                summary = BilingualText(zh: summary?.zh, en: text)
                            }
                        }
                        diagnostics.append(contentsOf: enReader.diagnostics)
                    }
                }
            } else {
                bodyEN = MarkdownSource(text: en.text, file: en.path, firstLine: 1)
            }
        }
        var article = Article(kind: files.kind, slug: slug, title: title, date: date, tags: tags, summary: summary,
                              body: body, bodyEN: bodyEN, location: file.start)
        article.isDraft = map["draft"].flatMap { reader.bool($0, "draft") } ?? false
        return article
    }
}
