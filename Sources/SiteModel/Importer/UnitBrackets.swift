import Foundation

/// Units written in brackets after a task: （责任单位：A、B）, （牵头部门：A；配合部门：B、C）,
/// just （A、B，C）, or in words: 〔区应急局牵头，各部门分工负责〕. A bracket that says it holds for
/// the tasks after it (`（以下任务由…牵头，…分工负责；下同，不再注明）`) gives their units.
enum UnitBrackets {
    /// The brackets units are written in: （…） (…) 〔…〕 【…】 [ … ].
    static let openings: Set<Character> = ["（", "(", "〔", "【", "［", "["]
    static let closings: [Character: Character] = ["）": "（", ")": "(", "〕": "〔", "】": "【", "］": "［", "]": "["]

    struct Roles: Equatable {
        var lead: [String] = []
        var responsible: [String] = []
        var cooperating: [String] = []
        /// 责任领导：… in the bracket (names, not units).
        var leaders: [String] = []
        /// 完成时限：… in the bracket, as written.
        var due: String?
        /// No unit named (a bracket may still give a deadline).
        var isEmpty: Bool { lead.isEmpty && responsible.isEmpty && cooperating.isEmpty }

        mutating func add(_ other: Roles) {
            lead += other.lead; responsible += other.responsible; cooperating += other.cooperating; leaders += other.leaders
            if due == nil { due = other.due }
        }
    }

    /// Labels of the other things a task's bracket gives: its deadline, its leaders.
    static let timeLabels = ["完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时限"]
    static let leaderLabels = ["责任领导", "牵头领导", "分管领导", "牵头区领导", "牵头镇领导"]

    static let labels = ["责任单位", "牵头部门", "牵头单位", "配合部门", "配合单位", "责任部门", "牵头科室", "配合科室", "责任科室",
                         "主责单位", "主责部门", "协办单位", "协同单位", "协同部门", "责任主体", "参与单位", "参与部门"]

    /// A line that is nothing but a unit bracket.
    static func isUnitBracketLine(_ line: String) -> Bool {
        var text = line
        if text.hasSuffix("。") || text.hasSuffix("；") { text.removeLast() }
        guard let first = text.first, openings.contains(first), let last = text.last, closings[last] != nil,
              matchingOpen(text) == text.startIndex else { return false }
        let inner = String(text.dropFirst().dropLast()).replacingOccurrences(of: ":", with: "：")
        if !labelledParts(inner).isEmpty || defaultRoles(line) != nil { return true }
        return looksLikeUnitList(inner) || rolesInWords(inner) != nil
    }

    /// 区应急局、区公安分局，区安委会其他有关成员单位 — short names separated by 、，
    static func looksLikeUnitList(_ inner: String) -> Bool {
        guard !inner.contains("。"), inner.count <= 160 else { return false }
        let names = split(inner)
        return !names.isEmpty && names.allSatisfy { $0.count >= 2 && $0.count <= 24 && looksLikeUnit($0) }
    }

    static let unitEndings = ["局", "委", "办", "队", "所", "中心", "组", "司", "单位", "镇", "街道", "部门", "会", "处", "科", "站",
                              "院", "馆", "支队", "分局", "国企", "村（居）", "村居", "部", "厅", "室", "团", "企业"]

    static func looksLikeUnit(_ name: String) -> Bool {
        unitEndings.contains { name.hasSuffix($0) } || name.hasPrefix("各") || name.hasPrefix("区") || name.hasPrefix("镇")
    }

    /// `区应急局、区公安分局，各街道、镇` → 区应急局, 区公安分局, 各街道、镇: a lone 镇 (乡, 街道)
    /// after a 各… is the rest of that collective's name, not a unit.
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        for piece in text.split(whereSeparator: { "、，,;；".contains($0) }) {
            var name = piece.trimmingCharacters(in: .whitespaces)
            if name.hasSuffix("等") && name.count > 2 { name.removeLast() }
            guard !name.isEmpty else { continue }
            if ["镇", "乡", "街道", "乡镇", "村", "居"].contains(name), let last = names.last, last.hasPrefix("各") {
                names[names.count - 1] = last + "、" + name
            } else {
                names.append(name)
            }
        }
        return names
    }

    /// The trailing bracket of a task's text, and the text without it. The bracket may be
    /// half-width, `(责任单位:…)`, and a 。 or ； may follow it.
    static func extract(_ text: String) -> (roles: Roles, rest: String) {
        var roles = Roles()
        var rest = text
        while true {
            var body = rest
            var tail = ""
            if let last = body.last, "。；;".contains(last), let before = body.dropLast().last, closings[before] != nil {
                tail = String(last)
                body.removeLast()
            }
            guard let last = body.last, closings[last] != nil, let open = matchingOpen(body) else { break }
            let inner = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
            guard let parsed = parse(inner) else { break }
            roles.add(parsed)
            rest = String(body[body.startIndex..<open]).trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty, let last = rest.last, !"。；;：".contains(last) { rest += tail }
        }
        return (roles, rest)
    }

    /// The opening bracket that the last bracket of `text` closes (（ for ）, 〔 for 〕 …).
    static func matchingOpen(_ text: String) -> String.Index? {
        guard let last = text.last, let opening = closings[last] else { return nil }
        let closing = last
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            let c = text[index]
            // （ and ( close each other's kind too: `(责任单位：A）` is written.
            let closes = c == closing || (c == "）" && closing == ")") || (c == ")" && closing == "）")
            let opens = c == opening || (c == "（" && opening == "(") || (c == "(" && opening == "（")
            if closes { depth += 1 }
            if opens { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    /// `牵头单位：A；配合单位：B、C`, `责任单位:A，完成时限：2025年6月底前` or `A、B，C`.
    static func parse(_ inner: String) -> Roles? {
        var roles = Roles()
        let text = inner.replacingOccurrences(of: ":", with: "：").trimmingCharacters(in: .whitespaces)
        let parts = labelledParts(text)
        if !parts.isEmpty {
            for (label, value) in parts {
                if leaderLabels.contains(label) {
                    roles.leaders += split(value)
                } else if timeLabels.contains(label) {
                    roles.due = value
                } else if label.hasPrefix("牵头") || label.hasPrefix("主责") {
                    roles.lead += split(value)
                } else if label.hasPrefix("配合") || label.hasPrefix("协") || label.hasPrefix("参与") {
                    roles.cooperating += split(value)
                } else {
                    roles.responsible += split(value)
                }
            }
            return roles.isEmpty && roles.due == nil ? nil : roles
        }
        if let inWords = rolesInWords(text) { return inWords }
        guard looksLikeUnitList(text) else { return nil }
        roles.responsible = split(text)
        return roles
    }

    /// `区应急局牵头，各部门分工负责`, `镇安委办牵头，派出所、城运中心配合`, `各街道、镇负责`: the units
    /// and their roles said in words; nil when a part is not so.
    static func rolesInWords(_ text: String) -> Roles? {
        var roles = Roles()
        let parts = text.split(whereSeparator: { "，,；;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        for part in parts {
            var part = part
            for lead in ["由", "均由", "以下任务由", "以下各项任务由", "以下各项任务均由", "以下任务均由"] where part.hasPrefix(lead) {
                part = String(part.dropFirst(lead.count))
            }
            guard let (names, role) = roleWords.lazy.compactMap({ word, role -> (String, String)? in
                part.hasSuffix(word) && part.count > word.count ? (String(part.dropLast(word.count)), role) : nil
            }).first else { return nil }
            let units = split(names.hasSuffix("共同") ? String(names.dropLast(2)) : names)
            guard !units.isEmpty, units.allSatisfy({ $0.count >= 2 && $0.count <= 24 && looksLikeUnit($0) }) else { return nil }
            switch role {
            case "lead": roles.lead += units
            case "cooperating": roles.cooperating += units
            default: roles.responsible += units
            }
        }
        return roles.isEmpty ? nil : roles
    }

    /// The words after a unit that say its role, longest first.
    static let roleWords: [(String, String)] = [
        ("按职责分工负责", "responsible"), ("根据职责分工负责", "responsible"), ("按照职责分工负责", "responsible"), ("分工负责", "responsible"),
        ("按职责负责", "responsible"), ("牵头负责", "lead"), ("共同负责", "responsible"), ("具体负责", "responsible"), ("负责落实", "responsible"),
        ("负责", "responsible"), ("落实", "responsible"), ("牵头", "lead"), ("按职责配合", "cooperating"), ("配合", "cooperating"),
        ("协助", "cooperating"), ("协同", "cooperating"), ("参与", "cooperating"),
    ]

    /// A bracket that gives the units of the tasks after it: `（以下任务由区应急局牵头，各成员单位分工负责；下同，不再注明）`.
    static func defaultRoles(_ text: String) -> Roles? {
        let markers = ["不再注明", "不再标注", "不再列出", "不再一一注明", "不再一一列出", "下同"]
        guard let marker = markers.compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        // The bracket the marker stands in: the last one opened before it and not closed.
        var depth = 0
        var index = marker.lowerBound
        var open: String.Index?
        while index > text.startIndex {
            index = text.index(before: index)
            if closings[text[index]] != nil { depth += 1 }
            if openings.contains(text[index]) {
                if depth == 0 { open = index; break }
                depth -= 1
            }
        }
        guard let open else { return nil }
        var inner = String(text[text.index(after: open)...])
        if let last = inner.lastIndex(where: { closings[$0] != nil }) { inner = String(inner[..<last]) }
        var parts = inner.split(whereSeparator: { "；;。".contains($0) }).map(String.init)
        parts.removeAll { part in markers.contains { part.contains($0) } && part.count <= 12 }
        var cleaned = parts.joined(separator: "，")
        for marker in markers { cleaned = cleaned.replacingOccurrences(of: marker, with: "") }
        cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "，,；; "))
        return parse(cleaned.replacingOccurrences(of: ":", with: "：")).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `label：value` parts of a bracket that starts with a label; a label starts the
    /// bracket or follows a separator (；，。 or a space). Empty when it does not start so.
    static func labelledParts(_ text: String) -> [(label: String, value: String)] {
        let all = (leaderLabels + labels + timeLabels).sorted { $0.count > $1.count }
        let chars = Array(text)
        var starts: [(index: Int, label: String)] = []
        var index = 0
        while index < chars.count {
            if index == 0 || "；;，,。 ".contains(chars[index - 1]) {
                if let label = all.first(where: { label in
                    let end = index + label.count
                    return end < chars.count && String(chars[index..<end]) == label && chars[end] == "："
                }) {
                    starts.append((index, label))
                    index += label.count + 1
                    continue
                }
            }
            index += 1
        }
        guard let first = starts.first, first.index == 0 else { return [] }
        return starts.enumerated().map { n, start in
            let from = start.index + start.label.count + 1
            let to = n + 1 < starts.count ? starts[n + 1].index : chars.count
            let value = from < to ? String(chars[from..<to]) : ""
            return (start.label, value.trimmingCharacters(in: CharacterSet(charactersIn: "；;，,。 ")))
        }
    }
}
