import SiteModel

extension PageBuilder {
    /// A plan as it appears in lists (home page, plan list, unit pages).
    mutating func planSummary(_ plan: Plan) -> [String: Any] {
        var item: [String: Any] = [
            "href": href(.plan(plan.id)),
            "title_html": inline(plan.title),
            "issued": date(plan.issued),
            "issued_iso": plan.issued.description,
            "status_class": plan.status.rawValue,
            "task_count": plan.tasks.count,
        ]
        // 有效性 as stated or as the period gives it at the build date; never assumed.
        if plan.statusBasis != .none { item["status"] = statusLabel(plan.status) }
        if let number = plan.docNumber { item["doc_number"] = number }
        if let issuer = plan.issuer?.id.flatMap({ site.unit($0) }) {
            item["issuer_html"] = inline(issuer.name)
        }
        if let summary = plan.summary { item["summary_html"] = inline(summary) }
        if let period = plan.period { item["period"] = self.period(period) }
        return item
    }
}
