import SiteModel

extension PageBuilder {
    /// A plan as it appears in lists (home page, plan list, unit pages).
    mutating func planSummary(_ plan: Plan) -> TemplateObject {
        var item: TemplateObject = [
            .href: .text(href(.plan(plan.id))),
            .title_html: .html(inline(plan.title)),
            .issued: .text(date(plan.issued)),
            .issued_iso: .text(plan.issued.description),
            .status_class: .text(plan.status.rawValue),
            .task_count: .number(plan.tasks.count),
        ]
        // 有效性 as stated or as the period gives it at the build date; never assumed.
        if plan.statusBasis != .none { item[.status] = .text(statusLabel(plan.status)) }
        if let number = plan.docNumber { item[.doc_number] = .text(number) }
        if let issuer = plan.issuer?.id.flatMap({ site.unit($0) }) {
            item[.issuer_html] = .html(inline(issuer.name))
        }
        if let summary = plan.summary { item[.summary_html] = .html(inline(summary)) }
        if let period = plan.period { item[.period] = .text(self.period(period)) }
        return item
    }
}
