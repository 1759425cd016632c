/// Decodes an interface string table (the theme's strings.yaml): a mapping of
/// key → bilingual text. Both languages are required for every key.
public enum StringTableDecoder {
    public static func decode(_ file: SourceFile) -> ([String: BilingualText], Diagnostics) {
        var diagnostics = Diagnostics()
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return ([:], diagnostics) }
        var reader = YAMLReader(file: file.path)
        reader.keepsSpaces = true
        var table: [String: BilingualText] = [:]
        if let map = reader.mapping(root, "string table") {
            for entry in map.entries {
                guard let text = reader.text(entry.value, entry.key) else { continue }
                if text.zh == nil || text.en == nil {
                    reader.error(.missingTranslation, entry.value, "界面文字缺少一种语言 (interface string \(entry.key) needs zh and en)")
                }
                table[entry.key] = text
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return (table, diagnostics)
    }
}
