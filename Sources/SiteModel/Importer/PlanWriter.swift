import Foundation

/// Writes the imported plan as content files: plan.md's front matter and
/// text, tasks.yaml. Chinese only — English is left for the translator
/// ("translation pending" on the site until then).
struct PlanWriter {
    var id: String
    var title: String
    var header: PlanHeader
    var outline: OutlineMarkdown

    /// 普陀区 / 车墩镇 / 吕巷镇 / 望湖街道, from the issuer's name: the smallest division it
    /// names, without the larger ones before it (上海市梧桐区望湖街道办事处 → 望湖街道); else from the
    /// place the title starts with (柳塘镇2025年…). Nil when neither names one.
    var area: String? {
        for name in [header.issuer, title].compactMap({ $0 }) {
            if let area = Self.area(in: name, prefixOnly: name == title && name != header.issuer) { return area }
        }
        return nil
    }

    /// The smallest division `name` names; `prefixOnly`: only a place at its start (a title's).
    static func area(in name: String, prefixOnly: Bool = false) -> String? {
        let scope = prefixOnly ? String(name.prefix { !$0.isNumber && $0 != "关" }) : name
        for markers in [["镇", "街道", "乡"], ["区", "县"], ["市"]] {
            guard let end = markers.compactMap({ scope.range(of: $0)?.upperBound }).min() else { continue }
            var area = String(scope[..<end])
            if let cut = area.dropLast().lastIndex(where: { "省市区县".contains($0) }) {
                area = String(area[area.index(after: cut)...])
            }
            if area.hasPrefix("中共") && area.count > 3 { area = String(area.dropFirst(2)) }
            // `镇安委办`, `区应急局`: a division's office, not the division's name.
            guard area.count >= 3 || (area.count == 2 && !markers.contains(String(area.prefix(1)))) else { return nil }
            return area
        }
        return nil
    }

    /// The level of the plan's area: nil when no area is named (never a default).
    var level: String? {
        guard let area else { return nil }
        if area.hasSuffix("镇") || area.hasSuffix("乡") { return "town" }
        if area.hasSuffix("街道") { return "subdistrict" }
        if area.hasSuffix("区") || area.hasSuffix("县") { return "district" }
        if area.hasSuffix("市") { return "city" }
        return nil
    }

    /// 有效性 the box states that a build date cannot undo: 失效 → expired, 废止 → superseded.
    var statedStatus: String? {
        guard let validity = header.validity else { return nil }
        if validity.contains("废止") { return "superseded" }
        if validity.contains("失效") || validity.contains("无效") || validity.contains("过期") { return "expired" }
        return nil
    }

    /// A field the document does not state: left empty for the office, with what to write
    /// (`gen-site check` reports it as an error until it is filled in).
    static func toFill(_ key: String, _ what: String) -> [String] {
        ["# \(what) — not found in the document: fill it in before publishing (gen-site check reports it until then).", "\(key):"]
    }

    func planMarkdown(issuer: String?) -> String {
        var lines = ["---", "# Imported by gen-site import; check the report, add English (title: {zh: …, en: …})."]
        if !header.unplaced.isEmpty {
            lines.append("# Lines of the original's header not read into a value:")
            lines += header.unplaced.map { "#   \($0.text)" }
        }
        lines += ["id: \(id)", "title: \(Self.quote(title))"]
        if let number = header.docNumber { lines.append("doc_number: \(Self.quote(number))") }
        if let issuer { lines.append("issuer: \(issuer)") } else {
            lines += Self.toFill("issuer", "发布机构 (the issuing unit's id in units.yaml)")
        }
        if let issued = header.issued { lines.append("issued: \(issued)") } else {
            lines += Self.toFill("issued", "成文日期 (the date on the document, YYYY-MM-DD)")
        }
        if let published = header.published { lines.append("published: \(published)") }
        if let period = header.period { lines.append("period: {start: \(period.start), end: \(period.end)}") }
        if let level { lines.append("level: \(level)") } else {
            lines += Self.toFill("level", "层级 (district, town, subdistrict or city)")
        }
        if let index = header.indexNumber { lines.append("index_number: \(Self.quote(index))") }
        if let category = header.category {
            lines.append("category: " + (category == "安全生产" ? "{zh: 安全生产, en: Work safety}" : Self.quote(category)))
        }
        if let disclosure = header.disclosure {
            lines.append("disclosure: " + (disclosure == "主动公开" ? "{zh: 主动公开, en: Proactive disclosure}" : Self.quote(disclosure)))
        }
        if let recipients = header.recipients { lines.append("recipients: \(Self.quote(recipients))") }
        if let status = statedStatus { lines.append("status: \(status)") }
        if let copies = header.copies { lines.append("copies: \(copies)") }
        if !header.extra.isEmpty {
            lines.append("extra_metadata:")
            for row in header.extra { lines.append("  - {label: \(Self.quote(row.label)), value: \(Self.quote(row.value))}") }
        }
        if let letter = header.coverLetter {
            lines.append("cover_letter: |-")
            lines += letter.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + outline.markdown
    }

    /// Tasks from the attached table: groups from its sub-headings (or the text's chapters).
    /// `captions`: the lines above the table in its annex (`附件1`, its title), kept as comments.
    func tasksFromTable(_ table: AttachmentTable, captions: [String] = [], units: inout UnitAllocator, report: inout ImportReport) -> String {
        var groups: [(id: String, title: String)] = []
        var groupOf: [String: String] = [:]
        /// The group of a row: its table's sub-heading, else the text's section or chapter the table
        /// stands in; none for a row of an annex's table above its first sub-heading.
        func key(_ row: AttachmentTable.Row) -> String? {
            row.group ?? outline.tableHeadings[row.table].map { "\u{1}" + $0.anchor }
        }
        for row in table.rows {
            guard let key = key(row), groupOf[key] == nil else { continue }
            if let heading = outline.tableHeadings[row.table], row.group == nil {
                groupOf[key] = heading.anchor
                if !groups.contains(where: { $0.id == heading.anchor }) { groups.append((heading.anchor, heading.text)) }
            } else if let group = row.group {
                // The chapter (or section) of the text the sub-heading names, numbered as it may be.
                let heading = outline.headings.first { $0.level == 2 && $0.text == group }
                    ?? outline.headings.first { OutlineMarkdown.unnumbered($0.text) == OutlineMarkdown.unnumbered(group) }
                var id = heading?.anchor ?? "group-\(groups.count + 1)"
                if groups.contains(where: { $0.id == id }) { id = "group-\(groups.count + 1)" }
                groupOf[key] = id
                groups.append((id, group))
            }
        }
        var out = ["# Imported from the attached table by gen-site import (Chinese only)."]
        out += captions.map { "# " + $0 }
        out.append(groups.isEmpty ? "groups: []" : "groups:")
        for group in groups { out.append("  - id: \(group.id)\n    title: \(Self.quote(group.title))") }
        out.append(table.rows.isEmpty ? "tasks: []" : "tasks:")
        let numbers = TaskNumbering.tableNumbers(table.rows, report: &report)
        for (row, number) in zip(table.rows, numbers) {
            out.append("  - no: \(Int(number) != nil ? number : Self.quote(number))")
            if let key = key(row), let group = groupOf[key] { out.append("    group: \(group)") }
            var title = row.title
            if title.isEmpty {
                let sentence = row.requirements.split(whereSeparator: { "。；\n".contains($0) }).first.map(String.init) ?? ""
                title = sentence.isEmpty || sentence.count > 30 ? "任务\(row.number)" : sentence
                report.guess(line: row.line, "row \(row.number) has no task cell: titled \"\(title)\"")
            }
            out.append("    title: \(Self.quote(title))")
            if !row.leaders.isEmpty { out.append("    leaders: [" + row.leaders.map(Self.quote).joined(separator: ", ") + "]") }
            for (role, names) in [("lead", row.lead), ("responsible", row.responsible), ("cooperating", row.cooperating)] where !names.isEmpty {
                var ids: [String] = []
                for name in names {
                    let id = units.id(for: name, line: row.line, report: &report)
                    if !ids.contains(id) { ids.append(id) }
                }
                out.append("    \(role): [" + ids.joined(separator: ", ") + "]")
            }
            if row.lead.isEmpty && row.responsible.isEmpty { report.note(line: row.line, "row \(row.number) names no lead or responsible unit") }
            if !row.requirements.isEmpty { out.append("    requirements: " + Self.block(row.requirements, indent: "      ")) }
            var remarks = row.remarks
            if !row.due.isEmpty {
                if let due = ImportDates.deadline(row.due, year: header.period?.start.year) {
                    // The cell as written stays beside the date it was read as.
                    out.append("    due: \(due)" + (row.due == due.description ? "" : "  # 完成时限：\(row.due.replacingOccurrences(of: "\n", with: " "))"))
                } else {
                    // `全年`, `长期坚持`: not a date; kept where people read it.
                    remarks = ([remarks].filter { !$0.isEmpty } + ["完成时限：\(row.due)"]).joined(separator: "；")
                }
            }
            if !remarks.isEmpty { out.append("    remarks: \(Self.quote(remarks))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Tasks from the numbered items of the text, grouped by their section (or chapter); from
    /// its sections (numbered `2-1`: 二、（一）) when it numbers no task, else from its chapters.
    func tasksFromItems(_ outline: OutlineMarkdown, units: inout UnitAllocator, report: inout ImportReport) -> (yaml: String, count: Int, from: String) {
        let entries: [OutlineMarkdown.Item]
        var numbers: [String]
        let from: String
        if !outline.items.isEmpty {
            entries = outline.items
            numbers = TaskNumbering.numbers(outline.items, report: &report)
            from = "the numbered items of the text"
        } else if !outline.sectionEntries.isEmpty {
            entries = outline.sectionEntries
            numbers = TaskNumbering.unique(entries.map { "\($0.part)-\($0.number)" }, lines: entries.map(\.line), report: &report)
            from = "the sections of the text (it numbers no task; 2-1 is 二、（一）)"
        } else {
            let withText = outline.chapterEntries.filter { !$0.paragraphs.isEmpty }
            entries = withText.isEmpty ? outline.chapterEntries : withText
            numbers = TaskNumbering.unique(entries.map { String($0.number) }, lines: entries.map(\.line), report: &report)
            from = "the chapters of the text (it numbers no task or section)"
        }
        return (tasks(entries, numbers: numbers, from: from, units: &units, report: &report), entries.count, from)
    }

    func tasks(_ entries: [OutlineMarkdown.Item], numbers: [String], from: String, units: inout UnitAllocator,
               report: inout ImportReport) -> String {
        var groups: [OutlineMarkdown.Heading] = []
        for item in entries {
            if let group = item.section ?? item.chapter, !groups.contains(group) { groups.append(group) }
        }
        var out = ["# Imported from \(from) by gen-site import (Chinese only).", groups.isEmpty ? "groups: []" : "groups:"]
        for group in groups { out.append("  - id: \(group.anchor)\n    title: \(Self.quote(group.text))") }
        out.append(entries.isEmpty ? "tasks: []" : "tasks:")
        for (item, number) in zip(entries, numbers) {
            var roles = UnitBrackets.Roles()
            var paragraphs: [String] = []
            for paragraph in item.paragraphs {
                let (found, rest) = UnitBrackets.extract(paragraph)
                roles.add(found)
                if !rest.isEmpty { paragraphs.append(rest) }
            }
            if roles.isEmpty, let given = outline.defaultUnits.last(where: { $0.line <= item.line && $0.part == item.part }) {
                roles.add(given.roles)
                report.note(line: item.line, "task \(number): units from the bracket at \(report.place(given.line)) (不再注明)")
            }
            let text = paragraphs.joined(separator: "\n\n")
            let sentence = text.split(separator: "。", maxSplits: 1).map(String.init)
            var title = item.title ?? (sentence.count == 2 && sentence[0].count <= 30 ? sentence[0] : String(text.prefix(24)) + (text.count > 24 ? "…" : ""))
            if title.isEmpty { title = "任务\(number)" }
            out.append("  - no: \(Int(number) != nil ? number : Self.quote(number))")
            if let group = item.section ?? item.chapter { out.append("    group: \(group.anchor)") }
            out.append("    title: \(Self.quote(title))")
            if !roles.leaders.isEmpty { out.append("    leaders: [" + roles.leaders.map(Self.quote).joined(separator: ", ") + "]") }
            for (role, names) in [("lead", roles.lead), ("responsible", roles.responsible), ("cooperating", roles.cooperating)] where !names.isEmpty {
                var ids: [String] = []
                for name in names {
                    let id = units.id(for: name, line: item.line, report: &report)
                    if !ids.contains(id) { ids.append(id) }
                }
                out.append("    \(role): [" + ids.joined(separator: ", ") + "]")
            }
            if roles.isEmpty { report.note(line: item.line, "task \(number) names no unit") }
            if !text.isEmpty { out.append("    requirements: " + Self.block(text, indent: "      ")) }
            if let due = roles.due {
                if let day = ImportDates.deadline(due, year: header.period?.start.year) {
                    out.append("    due: \(day)  # 完成时限：\(due.replacingOccurrences(of: "\n", with: " "))")
                } else {
                    out.append("    remarks: \(Self.quote("完成时限：" + due))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String { YAMLText.quote(text) }

    /// A literal block scalar.
    static func block(_ text: String, indent: String) -> String {
        "|-\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}
