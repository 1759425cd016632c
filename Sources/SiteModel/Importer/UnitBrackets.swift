import Foundation

/// Units written in brackets after a task: （责任单位：A、B）, （牵头部门：A；配合部门：B、C）
/// or just （A、B，C）.
enum UnitBrackets {
    struct Roles: Equatable {
        var lead: [String] = []
        var responsible: [String] = []
        var cooperating: [String] = []
        var isEmpty: Bool { lead.isEmpty && responsible.isEmpty && cooperating.isEmpty }
    }

    static let labels = ["责任单位", "牵头部门", "牵头单位", "配合部门", "配合单位", "责任部门"]

    /// A line that is nothing but a unit bracket.
    static func isUnitBracketLine(_ line: String) -> Bool {
        guard line.hasPrefix("（"), line.hasSuffix("）") else { return false }
        let inner = String(line.dropFirst().dropLast())
        if labels.contains(where: { inner.hasPrefix($0) }) { return true }
        return looksLikeUnitList(inner)
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

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { "、，,;；".contains($0) }).map {
            var name = $0.trimmingCharacters(in: .whitespaces)
            if name.hasSuffix("等") && name.count > 2 { name.removeLast() }
            return name
        }.filter { !$0.isEmpty }
    }

    /// The trailing bracket of a task's text, and the text without it.
    static func extract(_ text: String) -> (roles: Roles, rest: String) {
        var roles = Roles()
        var rest = text
        // Find the last top-level （…） at the end of the text.
        while rest.hasSuffix("）"), let open = matchingOpen(rest) {
            let inner = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            guard let parsed = parse(inner) else { break }
            roles.lead += parsed.lead
            roles.responsible += parsed.responsible
            roles.cooperating += parsed.cooperating
            rest = String(rest[rest.startIndex..<open]).trimmingCharacters(in: .whitespaces)
        }
        return (roles, rest)
    }

    static func matchingOpen(_ text: String) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == "）" { depth += 1 }
            if text[index] == "（" { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    static func parse(_ inner: String) -> Roles? {
        var roles = Roles()
        if labels.contains(where: { inner.hasPrefix($0) }) {
            for part in inner.split(whereSeparator: { $0 == "；" || $0 == ";" }) {
                let pieces = part.split(separator: "：", maxSplits: 1)
                guard pieces.count == 2 else { continue }
                let label = String(pieces[0]).trimmingCharacters(in: .whitespaces)
                let names = split(String(pieces[1]))
                if label.hasPrefix("牵头") { roles.lead += names }
                else if label.hasPrefix("配合") { roles.cooperating += names }
                else { roles.responsible += names }
            }
            return roles.isEmpty ? nil : roles
        }
        guard looksLikeUnitList(inner) else { return nil }
        roles.responsible = split(inner)
        return roles
    }
}
