#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The marker `gen-site new` writes in every value of a skeleton that is only
/// a stand-in (a title, a document number, the text, a date to confirm): until
/// each is replaced and the marker deleted, the site is not published. Found
/// in every text file of the content, comments included.
public enum SkeletonMarkers {
    /// 待填写: "to be filled in".
    public static let marker = "【待填写】"
    /// At most this many are reported per file.
    static let maximumPerFile = 20

    static func find(in content: LoadedContent) -> [Diagnostic] {
        find(in: content, reusing: [:]).found
    }

    /// As above, with what was found in each file by path, reusing `previous` for a file whose
    /// text is the same (the preview's rebuild).
    static func find(in content: LoadedContent, reusing previous: [String: (file: SourceFile, found: [Diagnostic])])
        -> (found: [Diagnostic], byFile: [String: (file: SourceFile, found: [Diagnostic])]) {
        var files: [SourceFile] = [content.site, content.units, content.hazards, content.categories].compactMap { $0 }
        for plan in content.plans { files += [plan.plan, plan.planEN, plan.tasks].compactMap { $0 } + plan.progress }
        for article in content.articles { files += [article.zh, article.en].compactMap { $0 } }
        var byFile: [String: (file: SourceFile, found: [Diagnostic])] = [:]
        var found: [Diagnostic] = []
        for file in files {
            let markers: [Diagnostic]
            if let last = previous[file.path], last.file == file { markers = last.found } else { markers = find(in: file) }
            byFile[file.path] = (file, markers)
            found += markers
        }
        return (found, byFile)
    }

    static func find(in file: SourceFile) -> [Diagnostic] {
        var text = file.text
        let needle = Array(marker.utf8)
        let offsets = text.withUTF8 { haystack -> [Int] in
            var found: [Int] = []
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return found }
            var start = 0
            // memchr to each candidate first byte, then the rest compared.
            while found.count < maximumPerFile, start <= haystack.count - needle.count,
                  let hit = memchr(base + start, Int32(needle[0]), haystack.count - needle.count + 1 - start) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, needle, needle.count) == 0 {
                    found.append(offset)
                    start = offset + needle.count
                } else {
                    start = offset + 1
                }
            }
            return found
        }
        guard !offsets.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        return offsets.map { offset in
            var line = 1, lineStart = 0
            for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
            var lineEnd = offset
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let rest = String(decoding: bytes[offset..<lineEnd], as: UTF8.self)
            return .error(.unfinishedSkeleton, at: file.location(line: line, column: column),
                          "骨架中的待填写内容尚未替换 (a stand-in gen-site new wrote is still here): \(rest)",
                          hint: "write the real value in its place and delete \(marker); the site is not published while one is left")
        }
    }
}
