/// Builds XML text with every text and attribute value escaped.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        text += indentation + "</" + name + ">\n"
    }

    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">" + Self.escape(value) + "</" + name + ">\n"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        text += indentation + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    private var indentation: String { String(repeating: "  ", count: open.count) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
