import Foundation

/// Writes the imported plan as content files: plan.md's front matter and
/// text, tasks.yaml. Chinese only — English is left for the translator
/// ("translation pending" on the site until then).
struct PlanWriter {
    var id: String
    var title: String
    var header: PlanHeader
    var outline: OutlineMarkdown
    var today: Day

    /// 普陀区 / 车墩镇 / 吕巷镇, from the issuer's name.
    var area: String? {
        guard let issuer = header.issuer else { return nil }
        for marker in ["镇", "街道", "区", "县", "市"] {
            guard let range = issuer.range(of: marker) else { continue }
            var name = String(issuer[..<range.upperBound])
            // 上海市普陀区 → 普陀区; 金山区吕巷镇 → 吕巷镇
            for prefix in ["上海市", "松江区", "金山区", "普陀区"] where name.hasPrefix(prefix) && name.count > prefix.count {
                name = String(name.dropFirst(prefix.count))
            }
            return name
        }
        return nil
    }

    var level: String {
        guard let issuer = header.issuer else { return "district" }
        if issuer.contains("镇") { return "town" }
        if issuer.contains("街道") { return "subdistrict" }
        if issuer.contains("区") || issuer.contains("县") { return "district" }
        return "city"
    }

    func planMarkdown(issuer: String?) -> String {
        var lines = ["---", "# Imported by gen-site import; check the report, add English (title: {zh: …, en: …})."]
        if !header.sourceLines.isEmpty {
            lines.append("# The lines of the original read into the values below:")
            lines += header.sourceLines.map { "#   \($0.number): \($0.text)" }
        }
        lines += ["id: \(id)", "title: \(Self.quote(title))"]
        if let number = header.docNumber { lines.append("doc_number: \(Self.quote(number))") }
        if let issuer { lines.append("issuer: \(issuer)") }
        let issued = header.issued ?? header.published ?? header.period?.start ?? today
        lines.append("issued: \(issued)")
        if let published = header.published { lines.append("published: \(published)") }
        if let period = header.period { lines.append("period: {start: \(period.start), end: \(period.end)}") }
        lines.append("level: \(level)")
        lines.append("category: {zh: 安全生产, en: Work safety}")
        let disclosure = header.disclosure ?? "主动公开"
        lines.append("disclosure: " + (disclosure == "主动公开" ? "{zh: 主动公开, en: Proactive disclosure}" : Self.quote(disclosure)))
        if let recipients = header.recipients { lines.append("recipients: \(Self.quote(recipients))") }
        let expired = header.period.map { $0.end < today } ?? false
        lines.append("status: \(expired ? "expired" : "in_force")")
        if let copies = header.copies { lines.append("copies: \(copies)") }
        if let letter = header.coverLetter {
            lines.append("cover_letter: |-")
            lines += letter.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + outline.markdown
    }

    /// Tasks from the attached table: groups from its sub-headings (or the text's chapters).
    func tasksFromTable(_ table: AttachmentTable, units: inout UnitAllocator, report: inout ImportReport) -> String {
        var groups: [(id: String, title: String)] = []
        var groupOf: [String: String] = [:]
        for row in table.rows {
            let key = row.group ?? ""
            guard groupOf[key] == nil else { continue }
            if let group = row.group {
                let id = outline.headings.first { $0.level == 2 && $0.text == group }?.anchor ?? "group-\(groups.count + 1)"
                groupOf[key] = id
                groups.append((id, group))
            } else {
                groupOf[key] = "general"
                groups.append(("general", "总体目标"))
            }
        }
        var out = ["# Imported from the attached table by gen-site import (Chinese only).", "groups:"]
        for group in groups { out.append("  - id: \(group.id)\n    title: \(Self.quote(group.title))") }
        out.append("tasks:")
        for row in table.rows {
            out.append("  - no: \(row.number)")
            if let group = groupOf[row.group ?? ""] { out.append("    group: \(group)") }
            out.append("    title: \(Self.quote(row.title.isEmpty ? "任务\(row.number)" : row.title))")
            if !row.leaders.isEmpty { out.append("    leaders: [" + row.leaders.map(Self.quote).joined(separator: ", ") + "]") }
            for (role, names) in [("responsible", row.responsible), ("cooperating", row.cooperating)] where !names.isEmpty {
                let ids = names.map { units.id(for: $0, line: row.line, report: &report) }
                out.append("    \(role): [" + ids.joined(separator: ", ") + "]")
            }
            if !row.requirements.isEmpty { out.append("    requirements: " + Self.block(row.requirements, indent: "      ")) }
            if !row.remarks.isEmpty { out.append("    remarks: \(Self.quote(row.remarks))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Tasks from the numbered items of the text, grouped by their section (or chapter).
    func tasksFromItems(_ outline: OutlineMarkdown, units: inout UnitAllocator, report: inout ImportReport) -> String {
        var groups: [OutlineMarkdown.Heading] = []
        for item in outline.items {
            if let group = item.section ?? item.chapter, !groups.contains(group) { groups.append(group) }
        }
        var out = ["# Imported from the numbered tasks of the text by gen-site import (Chinese only).", "groups:"]
        for group in groups { out.append("  - id: \(group.anchor)\n    title: \(Self.quote(group.text))") }
        out.append("tasks:")
        var seen = Set<Int>()
        for item in outline.items {
            guard seen.insert(item.number).inserted else {
                report.skipped(line: item.line, "task number \(item.number) appears again; only the first is in tasks.yaml")
                continue
            }
            var roles = UnitBrackets.Roles()
            var paragraphs: [String] = []
            for paragraph in item.paragraphs {
                let (found, rest) = UnitBrackets.extract(paragraph)
                roles.lead += found.lead; roles.responsible += found.responsible; roles.cooperating += found.cooperating
                if !rest.isEmpty { paragraphs.append(rest) }
            }
            let text = paragraphs.joined(separator: "\n\n")
            let sentence = text.split(separator: "。", maxSplits: 1).map(String.init)
            let title = sentence.count == 2 && sentence[0].count <= 30 ? sentence[0] : String(text.prefix(24)) + (text.count > 24 ? "…" : "")
            out.append("  - no: \(item.number)")
            if let group = item.section ?? item.chapter { out.append("    group: \(group.anchor)") }
            out.append("    title: \(Self.quote(title))")
            for (role, names) in [("lead", roles.lead), ("responsible", roles.responsible), ("cooperating", roles.cooperating)] where !names.isEmpty {
                var ids: [String] = []
                for name in names {
                    let id = units.id(for: name, line: item.line, report: &report)
                    if !ids.contains(id) { ids.append(id) }
                }
                out.append("    \(role): [" + ids.joined(separator: ", ") + "]")
            }
            if roles.isEmpty { report.note(line: item.line, "task \(item.number) names no unit") }
            out.append("    requirements: " + Self.block(text, indent: "      "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A literal block scalar.
    static func block(_ text: String, indent: String) -> String {
        "|-\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}
