import Foundation
import SiteModel

/// `/plans/<id>/`: the disclosure metadata, contents, text, responsibility
/// table and attachments of one plan.
enum PlanPage {
    /// What may stand unescaped in a URL path segment (RFC 3986 unreserved characters, and `()`).
    static let pathSegment = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~()")

    static func view(_ context: RenderContext, _ plan: Plan, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.plan(plan.id), language))
        var view: [String: Any] = [:]
        view["title_html"] = page.inline(plan.title)
        view["meta"] = metadata(plan, &page)
        if let letter = plan.coverLetter {
            view["cover_letter_html"] = page.markdown(letter, origins: plan.coverLetterOrigins, footnotes: "cover-letter-")
        }

        // The text: the translation when there is one, else the Chinese with a notice.
        let source = plan.body(in: language) ?? plan.body
        let rendered = page.body(source)
        let textIsFallback = language != .zh && plan.bodyEN == nil
        if textIsFallback { page.markFallback() }
        view["text_html"] = textIsFallback ? TrustedHTML("<div lang=\"\(Language.zh.tag)\">\(rendered.html.html)</div>") : rendered.html
        view["text_pending"] = textIsFallback
        view["has_text"] = !source.text.allSatisfy(\.isWhitespace)
        let tocHeadings = rendered.headings.filter { $0.level <= 3 }
        view["toc"] = tocHeadings.map { heading -> [String: Any] in
            ["text": heading.text, "anchor": heading.anchor, "sub": heading.level >= 3,
             "is_fallback": textIsFallback, "text_lang": Language.zh.tag]
        }
        view["has_toc"] = !tocHeadings.isEmpty

        view["progress_href"] = page.href(.progress(plan.id))
        if plan.reports.contains(where: { $0.asOf <= context.site.buildDate }) {
            view["progress_summary"] = page.asOfText + (language == .zh ? "：" : ": ") + page.countsSentence(context.site.counts(plan))
        }
        view["table"] = ResponsibilityTable.view(plan, &page)
        view["attachments"] = plan.attachments.map { attachment -> [String: Any] in
            // The name as a URL path segment: `a b&c (1).pdf` → `a%20b%26c%20(1).pdf`, Chinese names as UTF-8 escapes.
            ["href": page.address.href(to: "plans/\(plan.id.rawValue)/attachments/"
                                       + (attachment.file.addingPercentEncoding(withAllowedCharacters: Self.pathSegment) ?? attachment.file)),
             "title_html": page.inline(attachment.title),
             "file": attachment.file,
             "size": page.fileSize(attachment.byteCount)]
        }
        view["has_attachments"] = !plan.attachments.isEmpty
        return page.layout(title: page.plain(plan.title), description: page.plain(plan.summary),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), .plans),
                                         (page.plain(plan.title), nil)],
                           page: view)
    }

    /// The disclosure box: 文号, 发布机构, 成文/发布日期, 索引号, 主题分类, 公开方式, 有效性…
    static func metadata(_ plan: Plan, _ page: inout PageBuilder) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func add(_ key: String, _ value: TrustedHTML?) {
            guard let value, !value.html.isEmpty else { return }
            rows.append(["label": page.t(key), "value_html": value])
        }
        add("meta_index_number", plan.indexNumber.map { TrustedHTML(text: $0) })
        add("meta_category", page.inline(plan.category))
        if let issuer = plan.issuer?.id.flatMap({ page.site.unit($0) }) {
            add("meta_issuer", TrustedHTML("<a href=\"\(escapeHTML(page.href(.unit(issuer.id))))\">\(page.inline(issuer.name).html)</a>"))
        }
        add("meta_doc_number", plan.docNumber.map { TrustedHTML(text: $0) })
        add("meta_issued", TrustedHTML(text: page.date(plan.issued)))
        add("meta_published", plan.published.map { TrustedHTML(text: page.date($0)) })
        add("meta_period", plan.period.map { TrustedHTML(text: page.period($0)) })
        add("meta_disclosure", page.inline(plan.disclosure))
        // 有效性 as stated, or as the period gives it at the build date; never assumed.
        if plan.statusBasis != .none { add("meta_status", TrustedHTML(text: page.statusLabel(plan.status))) }
        add("meta_level", plan.level.map { TrustedHTML(text: page.t("level_\($0.rawValue)")) })
        add("meta_recipients", page.inline(plan.recipients))
        add("meta_copies", plan.copies.map { TrustedHTML(text: page.language == .zh ? "\($0)份" : "\($0)") })
        // The box's other rows, as the document prints them.
        for row in plan.extraMetadata {
            let value = page.inline(row.value)
            guard !value.html.isEmpty else { continue }
            _ = page.inline(row.label)  // marks the page when the label has no translation
            rows.append(["label": page.plain(row.label), "value_html": value])
        }
        return rows
    }
}
