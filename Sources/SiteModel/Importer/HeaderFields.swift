import Foundation

/// The header fields the import report lists, each with its value and the line
/// it came from, or `not found` — so the publisher sees at once what the
/// document did not state (and what `gen-site check` will ask for).
enum HeaderFields {
    static let all: [(key: String, name: String)] = [
        ("title", "标题"), ("doc_number", "文号"), ("issuer", "发布机构"), ("issued", "成文日期"), ("published", "发布日期"),
        ("period", "实施期限"), ("level", "层级"), ("index_number", "索引号"), ("category", "主题分类"), ("disclosure", "公开方式"),
        ("recipients", "主送"),
    ]

    static func value(_ key: String, header: PlanHeader, plan: PlanWriter) -> String? {
        switch key {
        case "title": header.title
        case "doc_number": header.docNumber
        case "issuer": header.issuer
        case "issued": header.issued?.description
        case "published": header.published?.description
        case "period": header.period.map { "\($0.start) – \($0.end)" }
        case "level": plan.level
        case "index_number": header.indexNumber
        case "category": header.category
        case "disclosure": header.disclosure
        case "recipients": header.recipients
        default: nil
        }
    }

    static func found(header: PlanHeader, plan: PlanWriter) -> Int {
        all.count { value($0.key, header: header, plan: plan) != nil }
    }

    /// `文号 doc_number: 普安委〔2022〕6号 (line 3)`, `发布日期 published: not found`.
    static func lines(header: PlanHeader, plan: PlanWriter, report: ImportReport) -> [String] {
        all.map { field in
            guard let value = value(field.key, header: header, plan: plan) else { return "\(field.name) \(field.key): not found" }
            var from: [String] = []
            if let line = header.fieldLines[field.key], line > 0 { from.append(report.place(line)) }
            switch field.key {
            case "issuer": if let source = header.issuerSource { from.append(source.description) }
            case "period": from.append("the title's years")
            case "level": plan.area.map { from.append("the area \($0)") }
            default: break
            }
            return "\(field.name) \(field.key): \(value)" + (from.isEmpty ? "" : " (\(from.joined(separator: ", ")))")
        }
    }
}
