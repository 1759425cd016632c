import SiteModel

/// Makes one language's index files from its pages' text (docs/search.md):
///
/// - `manifest.js`: page and shard counts, where each text file starts, the
///   kind of each page (for the order of equal scores);
/// - `p<n>.js`: postings of the tokens whose hash falls in shard n. A token is
///   an indexed character, two adjacent ones, or a stemmed word; its postings
///   list the pages that hold it, each as the gap from the previous page,
///   times 8, plus the fields it is in (1 title, 2 headings, 4 body);
/// - `q<n>.js`: for the two-character tokens of shard n, where they stand in
///   each page (per field present: a count, then the positions as gaps), so a
///   longer query is checked character by character, exactly;
/// - `d<n>.js`: the pages' paths, titles, plans and text, for the results.
///
/// Pages are added in the index's order as they are rendered; a text file is
/// made as soon as its pages are in, the postings at the end, so the pages'
/// text is never all in memory.
final class SearchIndexWriter {
    let part: SearchIndex.Part
    let context: RenderContext

    struct Entry {
        var last = 0
        var postings: [UInt8] = []
        var positions: [UInt8] = []
    }

    private var chars = TokenTable()
    private var words: [String: Entry] = [:]
    /// The text file being filled: its number and its pages' JSON so far.
    private var chunk = 0
    private var chunkJSON: [UInt8] = []

    init(part: SearchIndex.Part, context: RenderContext) {
        self.part = part
        self.context = context
    }

    static func unigramKey(_ c: UInt32) -> UInt64 { UInt64(c) }
    static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 { 1 << 42 | UInt64(a) << 21 | UInt64(b) }

    static func token(_ key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        if key >> 42 != 0 {
            if let a = Unicode.Scalar(UInt32((key >> 21) & 0x1F_FFFF)) { scalars.append(a) }
            if let b = Unicode.Scalar(UInt32(key & 0x1F_FFFF)) { scalars.append(b) }
        } else if let a = Unicode.Scalar(UInt32(key)) {
            scalars.append(a)
        }
        return String(scalars)
    }

    /// One page's tokens, sorted and grouped, made on the thread that rendered the page (in
    /// parallel with the others); the writer, which takes the pages one at a time in order, only
    /// adds them to its tables.
    struct PageTokens: Sendable {
        /// Each character once, with the fields it is in.
        var characters: [(key: UInt64, mask: UInt8)] = []
        /// Each pair of characters: where its occurrences are in `occurrences`, and its fields.
        var pairs: [(key: UInt64, mask: UInt8, range: Range<Int>)] = []
        /// The pairs' occurrences (key, field << 30 | position), sorted.
        var occurrences: [(UInt64, UInt32)] = []
        var words: [String: UInt8] = [:]

        init(_ document: SearchDocument) {
            var unigrams: [UInt64] = []
            SearchIndexWriter.tokenize(document, unigrams: &unigrams, bigrams: &occurrences, words: &words)
            unigrams.sort()
            var i = 0
            while i < unigrams.count {
                let character = unigrams[i] >> 2
                var mask: UInt8 = 0
                while i < unigrams.count && unigrams[i] >> 2 == character {
                    mask |= 1 << UInt8(unigrams[i] & 3)
                    i += 1
                }
                characters.append((character, mask))
            }
            occurrences.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            i = 0
            while i < occurrences.count {
                let key = occurrences[i].0
                var end = i
                var mask: UInt8 = 0
                while end < occurrences.count && occurrences[end].0 == key {
                    mask |= 1 << UInt8(occurrences[end].1 >> 30)
                    end += 1
                }
                pairs.append((key, mask, i..<end))
                i = end
            }
        }
    }

    /// Adds page `id` (ids come in order, each once); returns its text file when the page completes one.
    func append(_ document: SearchDocument, tokens: PageTokens, id: Int) -> OutputFile? {
        // The tables are moved into locals while they change (a class's stored properties are
        // checked for exclusive access and retained on every change), and back at the end.
        var chars = TokenTable(), words: [String: Entry] = [:]
        swap(&chars, &self.chars)
        swap(&words, &self.words)
        defer {
            swap(&chars, &self.chars)
            swap(&words, &self.words)
        }
        for character in tokens.characters { chars.add(character.key, page: id, mask: character.mask) }
        for pair in tokens.pairs { chars.add(pair.key, page: id, mask: pair.mask, occurrences: tokens.occurrences[pair.range]) }
        for (word, mask) in tokens.words { words[word, default: Entry()].add(page: id, mask: mask) }
        return addToChunk(document, id: id)
    }

    /// `[[path, title, plan, text], …]` for the pages of each chunk.
    private func addToChunk(_ document: SearchDocument, id: Int) -> OutputFile? {
        chunkJSON.append(contentsOf: (id == part.chunkStarts[chunk] ? "[[" : ",\n[").utf8)
        for (index, value) in [part.pages[id].path, document.title, planTitle(part.pages[id]), document.text].enumerated() {
            if index > 0 { chunkJSON.append(UInt8(ascii: ",")) }
            SearchEncoding.quote(value, into: &chunkJSON)
        }
        chunkJSON.append(UInt8(ascii: "]"))
        guard id + 1 == part.chunkStarts[chunk + 1] else { return nil }
        chunkJSON.append(UInt8(ascii: "]"))
        let file = OutputFile(path: part.folder + "d\(chunk).js", bytes: SearchEncoding.script("d\(chunk)", json: chunkJSON))
        chunk += 1
        chunkJSON.removeAll(keepingCapacity: true)
        return file
    }

    /// The manifest and the posting files, once every page has been appended.
    func finish() -> [OutputFile] {
        var shards = [[(token: String, entry: Entry)]](repeating: [], count: part.shardCount)
        for (key, entry) in zip(chars.keys, chars.entries) {
            let token = Self.token(key)
            shards[Int(SearchEncoding.hash(token) % UInt32(part.shardCount))].append((token, entry))
        }
        chars = TokenTable()
        for (token, entry) in words {
            shards[Int(SearchEncoding.hash(token) % UInt32(part.shardCount))].append((token, entry))
        }
        words.removeAll()
        var files: [OutputFile] = [manifest()]
        for (index, var shard) in shards.enumerated() {
            shard.sort { $0.token.utf8.lexicographicallyPrecedes($1.token.utf8) }
            files.append(shardFile("p\(index)", shard.map { ($0.token, $0.entry.postings) }))
            files.append(shardFile("q\(index)", shard.filter { !$0.entry.positions.isEmpty }.map { ($0.token, $0.entry.positions) }))
        }
        return files
    }

    /// Appends the page's tokens: each indexed character with its field, each pair of adjacent
    /// ones with its field and position (counted in indexed characters, one more between runs),
    /// each stemmed word with the fields it is in.
    static func tokenize(_ document: SearchDocument, unigrams: inout [UInt64], bigrams: inout [(UInt64, UInt32)],
                         words: inout [String: UInt8]) {
        var position = [UInt32](repeating: 0, count: SearchDocument.Field.allCases.count)
        for block in document.blocks {
            let field = block.field.rawValue
            let bit = UInt8(1 << field)
            var previous: UInt32?
            var word: [UInt8] = []
            func endWord() {
                guard !word.isEmpty else { return }
                words[SearchCharacters.stem(&word), default: 0] |= bit
                word.removeAll(keepingCapacity: true)
            }
            for scalar in block.text.unicodeScalars {
                let c = SearchCharacters.fold(scalar.value)
                switch SearchCharacters.kind(c) {
                case .character:
                    endWord()
                    unigrams.append(UInt64(c) << 2 | UInt64(field))
                    if let previous {
                        bigrams.append((bigramKey(previous, c), UInt32(field) << 30 | (position[field] - 1)))
                    }
                    position[field] += 1
                    previous = c
                case .word:
                    if previous != nil { position[field] += 1; previous = nil }
                    if let folded = Unicode.Scalar(c) { UTF8.encode(folded) { word.append($0) } }
                case .separator:
                    if previous != nil { position[field] += 1; previous = nil }
                    endWord()
                }
            }
            endWord()
            if previous != nil { position[field] += 1 }
        }
    }

    /// Counts, the text files' first pages (as gaps) and the pages' kinds (as runs: kind, length).
    func manifest() -> OutputFile {
        var json = Array("{\"version\":1,\"language\":\"\(part.language.rawValue)\",\"pages\":\(part.pages.count),\"shards\":\(part.shardCount),\"chunks\":\"".utf8)
        var previous = 0
        for start in part.chunkStarts {
            SearchEncoding.append(start - previous, to: &json)
            previous = start
        }
        json.append(contentsOf: "\",\"kinds\":\"".utf8)
        var i = 0
        while i < part.pages.count {
            let kind = SearchIndex.rank(part.pages[i].route)
            var end = i
            while end < part.pages.count && SearchIndex.rank(part.pages[end].route) == kind { end += 1 }
            SearchEncoding.append(kind, to: &json)
            SearchEncoding.append(end - i, to: &json)
            i = end
        }
        json.append(contentsOf: "\"}".utf8)
        return OutputFile(path: part.folder + "manifest.js", bytes: SearchEncoding.script("manifest", json: json))
    }

    /// The plan a task or progress page belongs to, shown beside its title.
    func planTitle(_ page: PageAddress) -> String {
        switch page.route {
        case .task(let id, _), .progress(let id):
            return context.site.plan(id)?.title.localized(page.language).text ?? ""
        default:
            return ""
        }
    }

    func shardFile(_ name: String, _ tokens: [(String, [UInt8])]) -> OutputFile {
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (index, (token, data)) in tokens.enumerated() {
            if index > 0 { json.append(contentsOf: ",\n".utf8) }
            SearchEncoding.quote(token, into: &json)
            json.append(UInt8(ascii: ":"))
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: data)
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "}"))
        return OutputFile(path: part.folder + name + ".js", bytes: SearchEncoding.script(name, json: json))
    }
}

extension SearchIndexWriter.Entry {
    /// Adds a page (pages come in increasing order) and, for a pair of characters, its positions.
    mutating func add(page: Int, mask: UInt8, occurrences: ArraySlice<(UInt64, UInt32)> = []) {
        SearchEncoding.append((page - last) << 3 | Int(mask), to: &postings)
        last = page
        guard !occurrences.isEmpty else { return }
        var i = occurrences.startIndex
        while i < occurrences.endIndex {
            let field = occurrences[i].1 >> 30
            var end = i
            while end < occurrences.endIndex && occurrences[end].1 >> 30 == field { end += 1 }
            SearchEncoding.append(end - i, to: &positions)
            var previous: UInt32 = 0
            for occurrence in occurrences[i..<end] {
                let position = occurrence.1 & 0x3FFF_FFFF
                SearchEncoding.append(Int(position - previous), to: &positions)
                previous = position
            }
            i = end
        }
    }
}
