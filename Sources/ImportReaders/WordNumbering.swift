import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's list numbering (word/numbering.xml): the number a paragraph shows
/// (`一、`, `（一）`, `1.`) is not in its text but made from its list's level —
/// the level's format (`chineseCounting`, `decimal` …) and text (`%1、`) — and
/// a counter that goes on through the document.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    /// abstractNumId → its levels.
    var abstracts: [String: [Int: Level]] = [:]
    /// numId → its abstractNumId and the levels it starts again elsewhere.
    var nums: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// The counters, per abstractNumId and level.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(_ data: Data) {
        let parser = NumberingParser()
        let xml = XMLParser(data: data)
        xml.delegate = parser
        guard xml.parse() else { return }
        abstracts = parser.abstracts
        nums = parser.nums
    }

    /// The label of the next paragraph of list `numId` at `level`: `二、`; nil when it shows none.
    mutating func next(numId: String, level: Int) -> String? {
        guard numId != "0", let num = nums[numId], let levels = abstracts[num.abstract], let this = levels[level] else { return nil }
        var counter = counters[num.abstract] ?? [:]
        counter[level] = (counter[level] ?? ((num.starts[level] ?? this.start) - 1)) + 1
        for deeper in counter.keys where deeper > level { counter[deeper] = nil }
        counters[num.abstract] = counter
        guard this.format != "bullet", this.format != "none" else { return nil }
        var label = this.text
        for shown in (0...8).reversed() {
            let placeholder = "%\(shown + 1)"
            guard label.contains(placeholder) else { continue }
            let value = counter[shown] ?? (levels[shown].map { num.starts[shown] ?? $0.start } ?? 1)
            label = label.replacingOccurrences(of: placeholder, with: Self.format(value, levels[shown]?.format ?? "decimal"))
        }
        return label.isEmpty ? nil : label
    }

    /// 12 as `format` writes it: 十二, 12, １２, l, L, xii, ⑫, 癸.
    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "japaneseCounting":
            return chinese(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(value) ? String(Unicode.Scalar(0x2460 + UInt32(value) - 1).map(Character.init) ?? "?") : String(value)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...10).contains(value) ? String(stems[value - 1]) : String(value)
        case "lowerLetter", "upperLetter":
            let letter = String(repeating: Character(Unicode.Scalar(UInt8(97 + (value - 1) % 26))), count: (value - 1) / 26 + 1)
            return format == "upperLetter" ? letter.uppercased() : letter
        case "lowerRoman", "upperRoman":
            let roman = Self.roman(value)
            return format == "upperRoman" ? roman.uppercased() : roman
        default:
            return String(value)
        }
    }

    /// 1 … 99 in Chinese numerals: 一, 十, 十一, 二十, 二十三.
    static func chinese(_ value: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return String(digits[value]) }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                                      (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var out = ""
        for (number, letters) in table { while rest >= number { out += letters; rest -= number } }
        return out
    }
}

private final class NumberingParser: NSObject, XMLParserDelegate {
    var abstracts: [String: [Int: WordNumbering.Level]] = [:]
    var nums: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var abstract: String?
    private var level: Int?
    private var num: String?
    private var override: Int?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "abstractNum": abstract = attribute(attributes, "abstractNumId")
        case "lvl":
            level = attribute(attributes, "ilvl").flatMap(Int.init)
            if let abstract, let level { abstracts[abstract, default: [:]][level] = WordNumbering.Level() }
        case "start":
            guard let value = attribute(attributes, "val").flatMap(Int.init) else { return }
            if let abstract, let level { abstracts[abstract]?[level]?.start = value }
            if num != nil, let override { nums[num ?? ""]?.starts[override] = value }
        case "numFmt": if let abstract, let level, let value = attribute(attributes, "val") { abstracts[abstract]?[level]?.format = value }
        case "lvlText": if let abstract, let level, let value = attribute(attributes, "val") { abstracts[abstract]?[level]?.text = value }
        case "num": num = attribute(attributes, "numId")
        case "abstractNumId": if let num, let value = attribute(attributes, "val") { nums[num] = (value, [:]) }
        case "lvlOverride": override = attribute(attributes, "ilvl").flatMap(Int.init)
        case "startOverride": if let num, let override, let value = attribute(attributes, "val").flatMap(Int.init) { nums[num]?.starts[override] = value }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "abstractNum": abstract = nil
        case "lvl": level = nil
        case "num": num = nil
        case "lvlOverride": override = nil
        default: break
        }
    }
}

/// word/styles.xml: the paragraph styles that number their paragraphs (a list level in the style)
/// and the heading styles (`Heading 1`, `标题 1`, an outline level).
struct WordStyles {
    struct Style {
        var numId: String?
        var level: Int?
        var isHeading = false
        var basedOn: String?
    }

    var styles: [String: Style] = [:]

    init() {}

    init(_ data: Data) {
        let parser = StylesParser()
        let xml = XMLParser(data: data)
        xml.delegate = parser
        guard xml.parse() else { return }
        styles = parser.styles
    }

    /// A style's own values, else those of the styles it is based on.
    func style(_ id: String?) -> Style? {
        var seen = Set<String>()
        var current = id
        var found = Style()
        var any = false
        while let id = current, !seen.contains(id), let style = styles[id] {
            seen.insert(id)
            any = true
            if found.numId == nil { found.numId = style.numId }
            if found.level == nil { found.level = style.level }
            found.isHeading = found.isHeading || style.isHeading
            current = style.basedOn
        }
        return any ? found : nil
    }
}

private final class StylesParser: NSObject, XMLParserDelegate {
    var styles: [String: WordStyles.Style] = [:]
    private var id: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "style":
            id = attribute(attributes, "type") == "paragraph" ? attribute(attributes, "styleId") : nil
            if let id { styles[id] = WordStyles.Style(isHeading: id.lowercased().hasPrefix("heading") || id.hasPrefix("标题")) }
        case "name":
            guard let id, let name = attribute(attributes, "val")?.lowercased() else { return }
            if name.hasPrefix("heading") || name.hasPrefix("标题") { styles[id]?.isHeading = true }
        case "basedOn": if let id { styles[id]?.basedOn = attribute(attributes, "val") }
        case "numId": if let id { styles[id]?.numId = attribute(attributes, "val") }
        case "ilvl": if let id { styles[id]?.level = attribute(attributes, "val").flatMap(Int.init) }
        case "outlineLvl": if let id, let level = attribute(attributes, "val").flatMap(Int.init), level < 9 { styles[id]?.isHeading = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(elementName) == "style" { id = nil }
    }
}
