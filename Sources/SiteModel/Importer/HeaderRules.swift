import Foundation

/// The line-level rules of a plan's header and closing: what a 文号, a title, a
/// signature, a recipients line, a notice's title or a 红头 looks like.
extension PlanHeader {
    /// A line that names the cover letter's recipients: `主送：…` (or `主送:`), or a short line
    /// ending in a colon that lists bodies (`各村（居）委会，镇属各单位：`).
    static func isRecipientsLine(_ text: String) -> Bool {
        if text.hasPrefix("主送：") || text.hasPrefix("主送:") { return true }
        guard text.hasSuffix("：") || text.hasSuffix(":"), text.count <= 80, !text.contains("。"), !text.contains("；") else { return false }
        // Every name of the list reads as a body's: 各村（居）委会，镇属各单位，区政府各委、办、局.
        let names = text.dropLast().split(whereSeparator: { "、，,；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        return !names.isEmpty && names.allSatisfy { name in
            name.count <= 24 && (UnitBrackets.looksLikeUnit(name) || name.hasSuffix("政府") || name.hasSuffix("委员会") || name.count == 1)
        }
    }

    /// `主送：各镇人民政府` → 各镇人民政府; `各安委会成员单位：` → 各安委会成员单位.
    static func recipients(in text: String) -> String {
        var names = Substring(text)
        if names.hasPrefix("主送") { names = names.dropFirst(2).drop { $0 == "：" || $0 == ":" || $0.isWhitespace } }
        while let last = names.last, last == "：" || last == ":" || last.isWhitespace { names = names.dropLast() }
        return String(names)
    }

    /// `…关于印发《…》的通知`: the title of the notice that publishes the plan (not the plan's
    /// title, and not its issuer).
    static func isNoticeTitle(_ text: String) -> Bool {
        guard text.count <= 100, !text.contains("。") else { return false }
        return text.hasSuffix("的通知") || text.hasSuffix("通知") && text.contains("关于") || text.hasPrefix("关于") && text.contains("印发")
    }

    /// The issuing body's header above the 文号: `某某镇人民政府文件`, `上海市某某区安全生产委员会`.
    static func isRedHead(_ text: String) -> Bool {
        if text.hasSuffix("文件"), text.count >= 4, text.count <= 40, !text.contains("。"), !text.contains("，") { return true }
        return isSigningBody(text)
    }

    /// Whether a title begins with its place (`普陀区2022年…`), not with the year (`2022年安全生产工作要点`).
    static func namesAPlace(_ title: String) -> Bool {
        guard let first = title.first else { return false }
        return !first.isNumber && !title.hasPrefix("全") && !title.hasPrefix("本") && !title.hasPrefix("关于")
    }

    /// A value on the line under its label (`发布机构` / `某某街道办事处`): what that label's values look like.
    static func isValue(_ text: String, of field: HeaderMetadata.Field) -> Bool {
        guard !text.hasSuffix("："), !text.hasSuffix(":"), ImportText.kind(text) == .text, !isTitle(text), text.count <= 60 else { return false }
        switch field {
        case .issued, .published: return ImportDates.metadataDay(text) != nil
        case .docNumber: return isDocNumber(text)
        case .issuer: return isSigningBody(text)
        default: return !text.contains("。") && text.count <= 40
        }
    }

    /// The first line of a title broken in two: short, no punctuation, not a date, a 文号, a
    /// signing body or a `…文件` header.
    static func isTitleStart(_ text: String) -> Bool {
        text.count <= 30 && !ImportText.endsSentence(text) && !text.contains("，") && !text.contains("、") && day(in: text) == nil
            && !isDocNumber(text) && !isSigningBody(text) && !text.hasSuffix("文件") && !text.contains("印发")
            && ImportText.kind(text) == .text && !isTitle(text) && text.count >= 4 && !ImportDates.isMangledDate(text)
            && text.allSatisfy { ImportText.isCJK($0) || ($0.isASCII && $0.isNumber) || "（）〔〕—－-《》“”".contains($0) }
    }

    /// `（2024—2026年）`, `(试行)`, `（2025年修订）`: the end of the title line above.
    static func isTitleEnd(_ text: String) -> Bool {
        let t = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        guard t.hasPrefix("（"), t.hasSuffix("）"), t.count <= 16, day(in: t) == nil else { return false }
        return period(in: t) != nil || ["试行", "修订", "征求意见稿", "暂行", "送审稿"].contains { t.contains($0) }
    }

    /// （信息公开形式：主动公开） · （此件公开发布） · （此件主动公开） · 公开方式：依申请公开 → the 公开方式.
    static func disclosure(in text: String) -> String? {
        if let range = text.range(of: "公开形式：") ?? text.range(of: "公开方式：") ?? text.range(of: "公开属性：") {
            return String(text[range.upperBound...]).trimmingCharacters(in: CharacterSetLike.brackets)
        }
        guard text.hasPrefix("（"), text.hasSuffix("）"), text.count <= 16, text.contains("此件") || text.contains("公开") else { return nil }
        if text.contains("不予公开") || text.contains("不公开") { return "不予公开" }
        if text.contains("依申请") { return "依申请公开" }
        if text.contains("公开") { return "主动公开" }
        return nil
    }

    /// The signing body: the issuer's name, or a short name without sentence punctuation above a date.
    static func isSignature(_ text: String, next: String?, issuer: String?) -> Bool {
        if let issuer, text.count >= 4, text == issuer || issuer.hasSuffix(text) || text.hasSuffix(issuer) { return true }
        return isSigningBody(text) && (next.map { day(in: $0) != nil } ?? false)
    }

    /// A line that can be a body's name in a signature: short, no sentence punctuation, named like a unit.
    static func isSigningBody(_ text: String) -> Bool {
        text.count >= 3 && text.count <= 30 && !text.contains("。") && !text.contains("，") && !text.contains("：")
            && !text.contains("；") && ImportText.kind(text) == .text
            && (UnitBrackets.unitEndings.contains { text.hasSuffix($0) } || text.hasSuffix("政府") || text.hasSuffix("办事处"))
    }

    static let docNumberOpenings: Set<Character> = ["〔", "[", "［", "【", "（", "(", "〈"]
    static let docNumberClosings: Set<Character> = ["〕", "]", "］", "】", "）", ")", "〉"]

    /// `普安委〔2022〕6号`, also with the brackets a converter or a website writes: `[2022]`, `【2022】`, `（2022）`.
    static func isDocNumber(_ text: String) -> Bool {
        guard let open = text.firstIndex(where: { docNumberOpenings.contains($0) }), open > text.startIndex,
              let close = text[open...].firstIndex(where: { docNumberClosings.contains($0) }), text.hasSuffix("号") else { return false }
        let year = text[text.index(after: open)..<close]
        let number = text[text.index(after: close)...].dropLast().filter { !$0.isWhitespace }
        return year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber } && text.count <= 24 && !text.contains("。")
            && !number.isEmpty && number.drop { $0 == "第" }.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The 文号 written as GB/T 9704 has it: `柳安委[2025]3号` → `柳安委〔2025〕3号`.
    static func normaliseDocNumber(_ text: String) -> String {
        var out = ""
        var inYear = false
        for c in text where !c.isWhitespace {
            if !inYear, docNumberOpenings.contains(c), out.last.map(ImportText.isCJK) == true { out.append("〔"); inYear = true; continue }
            if inYear, docNumberClosings.contains(c) { out.append("〕"); inYear = false; continue }
            out.append(c)
        }
        return out
    }

    static func isTitle(_ text: String) -> Bool {
        // `关于…的意见` is a plan's title; `关于印发《…》的通知` is the notice's.
        guard !text.hasPrefix("《"), !text.contains("印发"), !text.contains("。"), !text.hasSuffix("通知"), text.count <= 60 else { return false }
        var stem = normaliseTitle(text)
        if stem.hasSuffix("）"), let open = stem.lastIndex(of: "（") { stem = String(stem[..<open]) }
        return titleEndings.contains { stem.hasSuffix($0) }
    }

    static func normaliseTitle(_ text: String) -> String {
        ImportText.clean(text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
            .replacingOccurrences(of: " ", with: "")
    }

    /// `2022年8月15日` (or `二〇二二年八月十五日`) anywhere in the text.
    static func day(in text: String) -> Day? { ImportDates.day(in: text) }

    /// `2022年` → the year 2022; `（2024—2026年）` → 2024 to 2026.
    static func period(in title: String) -> Period? {
        let digits = title.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).compactMap { Int($0) }.filter { (1990...2100).contains($0) }
        guard let first = digits.first, let start = Day(year: first, month: 1, day: 1),
              let end = Day(year: digits.last ?? first, month: 12, day: 31) else { return nil }
        return Period(start: start, end: end)
    }
}
