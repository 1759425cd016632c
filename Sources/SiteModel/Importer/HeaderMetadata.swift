import Foundation

/// The metadata box a government website prints above a disclosed document,
/// pasted with the text: `索引号：…	主题分类：…`, `发布机构：…	成文日期：…`,
/// `文号：…	公开方式：…` — label and value separated by `：` or a tab, pairs
/// separated by tabs or runs of spaces.
enum HeaderMetadata {
    enum Field: Equatable {
        case indexNumber, category, issuer, docNumber, issued, published, disclosure
        /// A label the box prints that gen-site has no field for (有效性, 体裁分类…).
        case other(String)
    }

    static let labels: [(names: [String], field: Field)] = [
        (["索引号", "信息索引号", "索取号"], .indexNumber),
        (["主题分类", "信息分类"], .category),
        (["发布机构", "发文机关", "发文单位", "发布单位", "发文机构"], .issuer),
        (["文号", "发文字号", "发文文号", "文件编号"], .docNumber),
        (["成文日期", "发文日期", "印发日期"], .issued),
        (["发布日期", "公开日期", "生成日期", "公布日期"], .published),
        (["公开方式", "公开属性", "公开形式", "信息公开形式"], .disclosure),
        (["有效性", "是否有效", "体裁分类", "组配分类", "服务对象", "关键词", "主题词", "公开范围", "公开时限", "效力状态"], .other("")),
    ]

    static func field(for label: String) -> Field? {
        let name = label.filter { !$0.isWhitespace }
        for entry in labels where entry.names.contains(name) {
            if case .other = entry.field { return .other(name) }
            return entry.field
        }
        return nil
    }

    /// The label–value pairs of one raw line; empty when the line does not start with a known label.
    static func pairs(in raw: String) -> [(field: Field, value: String)] {
        let segments = self.segments(raw)
        var pairs: [(field: Field, value: String)] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if let (found, value) = labelled(segment) {
                pairs.append((found, value))
            } else if let found = field(for: segment), index + 1 < segments.count,
                      field(for: segments[index + 1]) == nil, labelled(segments[index + 1]) == nil {
                // `发布机构	某某街道办事处`: the label in one cell, the value in the next.
                pairs.append((found, segments[index + 1]))
                index += 1
            } else if let found = field(for: segment) {
                pairs.append((found, ""))
            } else if pairs.isEmpty {
                return []
            } else {
                // A value that went on past a separator.
                pairs[pairs.count - 1].value += " " + segment
            }
            index += 1
        }
        return pairs
    }

    /// `主题分类：安全生产` → the field and `安全生产`.
    static func labelled(_ segment: String) -> (Field, String)? {
        guard let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }),
              let field = field(for: String(segment[..<colon])) else { return nil }
        return (field, String(segment[segment.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }

    /// Splits at tabs and at runs of two or more spaces (ASCII or full-width).
    static func segments(_ raw: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var spaces = 0
        func flush() {
            let text = current.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { segments.append(text) }
            current = ""
        }
        for c in raw.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r", with: "") {
            if c == "\t" { flush(); spaces = 0; continue }
            if c == " " || c == "\u{3000}" {
                spaces += c == "\u{3000}" ? 2 : 1
                current.append(" ")
                continue
            }
            if spaces >= 2 { flush() }
            spaces = 0
            current.append(c)
        }
        flush()
        return segments
    }
}
