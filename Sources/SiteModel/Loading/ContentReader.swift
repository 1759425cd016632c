import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The load stage: reads the content folder into `LoadedContent`. The only
/// part of SiteModel that touches the file system. It refuses files that are
/// too large, binary or mis-encoded, and anything whose real path leaves the
/// content folder (symlinks, `..`).
public struct ContentReader: Sendable {
    /// Text files larger than this are refused.
    public static let maximumTextFileSize = 20 * 1024 * 1024

    public var root: String
    /// Files an earlier load read cleanly (no diagnostic), by relative path, reused without
    /// being read again when `unchanged` says so (the preview knows which files it saw change).
    var reusable: [String: SourceFile] = [:]
    var unchanged: @Sendable (String) -> Bool = { _ in false }

    public init(root: String) {
        self.root = root
    }

    /// The link problems of the content folder, when a walk by FolderWalker's rule has found them
    /// already (the preview walks it on every poll); nil: `load` walks it.
    var walked: [FolderWalker.Problem]?

    public init(root: String, reusing files: [String: SourceFile], unchanged: @escaping @Sendable (String) -> Bool,
                walked: [FolderWalker.Problem]? = nil) {
        self.root = root
        self.reusable = files
        self.unchanged = unchanged
        self.walked = walked
    }

    public func load() -> (LoadedContent, Diagnostics) {
        let (content, diagnostics) = loadFiles()
        // Every link in the content folder, wherever it is: one leading outside or back into a folder
        // that holds it is an error even where gen-site reads nothing (the preview walks it all).
        // The site's templates/ are walked by the theme's loader, under the same rule.
        let linkProblems = walked ?? FolderWalker.walk(root, skipping: ["templates"]).problems
        guard !linkProblems.isEmpty else { return (content, diagnostics) }
        // Reported once: the walk's diagnostic stands for the reader's at the same link.
        let linked = Set(linkProblems.map(\.path))
        let read = diagnostics.items.filter { !($0.kind == .outsideContent && linked.contains($0.location.file)) }
        return (content, Diagnostics(linkProblems.map { $0.diagnostic(prefix: "") } + read))
    }

    func loadFiles() -> (LoadedContent, Diagnostics) {
        var diagnostics = Diagnostics()
        var content = LoadedContent(root: root)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(.missingContent, at: SourceLocation(file: "."),
                                      "内容目录不存在 (content folder not found): \(root)",
                                      hint: "pass the folder that holds site.yaml"))
            return (content, diagnostics)
        }
        // The same resolution as `isInside` uses for each file: realpath(3).
        let realRoot = realpath(root, nil).map { resolved in defer { free(resolved) }; return String(cString: resolved) }
            ?? URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path

        var clean: [String: SourceFile] = [:]
        func readText(_ relative: String, required: Bool, realRoot: String, into diagnostics: inout Diagnostics) -> SourceFile? {
            self.readText(relative, required: required, realRoot: realRoot, into: &diagnostics, clean: &clean)
        }

        content.site = readText("site.yaml", required: true, realRoot: realRoot, into: &diagnostics)
        content.units = readText("units.yaml", required: true, realRoot: realRoot, into: &diagnostics)

        // Plan folders are read in parallel (a city's site has hundreds, each a dozen files), each
        // with its own diagnostics and clean files, joined in folder order.
        let planFolders = listDirectory("plans", realRoot: realRoot, into: &diagnostics).sorted().filter { !$0.hasPrefix(".") }
        let folders = planFolders.concurrentMap { name in readPlanFolder(name, realRoot: realRoot) }
        for folder in folders {
            diagnostics.append(contentsOf: folder.diagnostics)
            clean.merge(folder.clean) { first, _ in first }
            if let files = folder.files { content.plans.append(files) }
        }
        content.hazards = readText("hazards.yaml", required: false, realRoot: realRoot, into: &diagnostics)
        content.holidays = readText("holidays.yaml", required: false, realRoot: realRoot, into: &diagnostics)
        for (folder, kind) in [("notices", Article.Kind.notice), ("pages", Article.Kind.page)] {
            var byStem: [String: ArticleFiles] = [:]
            let names = listDirectory(folder, realRoot: realRoot, into: &diagnostics).sorted()
            for name in names where !name.hasSuffix(".md") && !name.hasPrefix(".") {
                diagnostics.append(Self.ignored("\(folder)/\(name)", "\(folder) are Markdown files named with .md, in \(folder)/ itself"))
            }
            for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let isEnglish = name.hasSuffix(".en.md")
                let stem = String(name.dropLast(isEnglish ? 6 : 3))
                guard let file = readText("\(folder)/\(name)", required: true, realRoot: realRoot, into: &diagnostics) else { continue }
                var entry = byStem[stem] ?? ArticleFiles(kind: kind, stem: stem)
                if isEnglish { entry.en = file } else { entry.zh = file }
                byStem[stem] = entry
            }
            content.articles += byStem.keys.sorted().compactMap { byStem[$0] }
        }
        content.accidents = readText("statistics/accidents.csv", required: false, realRoot: realRoot, into: &diagnostics)
        content.categories = readText("statistics/categories.yaml", required: false, realRoot: realRoot, into: &diagnostics)
        content.cleanFiles = clean
        return (content, diagnostics)
    }

    /// `readText`, noting the file in `clean` when reading it said nothing.
    func readText(_ relative: String, required: Bool, realRoot: String, into diagnostics: inout Diagnostics,
                  clean: inout [String: SourceFile]) -> SourceFile? {
        let before = diagnostics.items.count
        let file = readText(relative, required: required, realRoot: realRoot, into: &diagnostics)
        if let file, diagnostics.items.count == before { clean[relative] = file }
        return file
    }

    /// One plan folder's files, with what reading them said and the files read cleanly.
    func readPlanFolder(_ name: String, realRoot: String) -> (files: PlanFiles?, diagnostics: Diagnostics, clean: [String: SourceFile]) {
        var diagnostics = Diagnostics()
        var clean: [String: SourceFile] = [:]
        func readText(_ relative: String, required: Bool, realRoot: String, into diagnostics: inout Diagnostics) -> SourceFile? {
            self.readText(relative, required: required, realRoot: realRoot, into: &diagnostics, clean: &clean)
        }
        let folder = "plans/\(name)"
        guard kind(of: folder) == .directory else {
            diagnostics.append(.warning(.strayFile, at: SourceLocation(file: folder),
                                        "plans/ 下的文件不是方案目录 (not a plan folder)",
                                        hint: "each plan is a folder plans/<id>/ holding plan.md and tasks.yaml"))
            return (nil, diagnostics, clean)
        }
        guard isInside(folder, realRoot: realRoot) else {
            diagnostics.append(.error(.outsideContent, at: SourceLocation(file: folder),
                                      "目录指向内容目录之外 (the folder leads outside the content folder)",
                                      hint: "plan folders live inside the content folder; replace the link with the folder itself"))
            return (nil, diagnostics, clean)
        }
        var files = PlanFiles(folder: name)
        files.plan = readText("\(folder)/plan.md", required: true, realRoot: realRoot, into: &diagnostics)
        files.planEN = readText("\(folder)/plan.en.md", required: false, realRoot: realRoot, into: &diagnostics)
        files.tasks = readText("\(folder)/tasks.yaml", required: true, realRoot: realRoot, into: &diagnostics)
        for attachment in listDirectory("\(folder)/attachments", realRoot: realRoot, into: &diagnostics).sorted()
        where !attachment.hasPrefix(".") {
            let path = "\(folder)/attachments/\(attachment)"
            if let size = regularFileSize(path, realRoot: realRoot, into: &diagnostics) {
                files.attachments[attachment] = size
                // A plain-text original is also published as UTF-8 with a BOM, which every host and
                // browser reads right (a host that serves text/plain without a charset garbles UTF-8).
                if attachment.lowercased().hasSuffix(".txt"), size <= Self.maximumTextFileSize,
                   case .bytes(let bytes) = Self.readBytes(atPath: self.path(path), limit: Self.maximumTextFileSize),
                   case .success(let decoded) = TextDecoding.decode(bytes), decoded.encoding != .utf8WithBOM {
                    files.textAttachments[attachment] = decoded.text
                }
            }
        }
        let reports = listDirectory("\(folder)/progress", realRoot: realRoot, into: &diagnostics).sorted()
        for name in reports where !name.hasSuffix(".yaml") && !name.hasPrefix(".") {
            diagnostics.append(Self.ignored("\(folder)/progress/\(name)", "progress reports are named YYYY-MM.yaml"))
        }
        for report in reports where report.hasSuffix(".yaml") && !report.hasPrefix(".") {
            if let file = readText("\(folder)/progress/\(report)", required: true, realRoot: realRoot, into: &diagnostics) {
                files.progress.append(file)
            }
        }
        return (files, diagnostics, clean)
    }

    /// A file gen-site does not read where a publisher may expect it to be (`2024-05.yml`, `通知.MD`).
    static func ignored(_ path: String, _ rule: String) -> Diagnostic {
        .warning(.ignoredFile, at: SourceLocation(file: path), "未读取的文件 (a file that is not read): \(path)", hint: rule)
    }

    // MARK: - Files

    enum Kind { case missing, file, directory, other }

    func url(_ relative: String) -> URL {
        URL(fileURLWithPath: root).appendingPathComponent(relative)
    }

    /// The file's path as given (root, then the relative path).
    func path(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// What is at `relative`, symbolic links followed (one `stat`).
    func kind(of relative: String) -> Kind {
        var info = stat()
        guard stat(path(relative), &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// True when the file's real path (symlinks resolved) is inside the content folder.
    func isInside(_ relative: String, realRoot: String) -> Bool {
        guard let resolved = realpath(path(relative), nil) else { return false }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// The bytes of a regular file, with its size checked against `limit` first (one open,
    /// one fstat, reads); nil when it cannot be read, `.tooLarge` with the size when it is over.
    enum FileBytes { case bytes(Data), tooLarge(Int), unreadable }

    static func readBytes(atPath path: String, limit: Int) -> FileBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var data = Data(count: size)
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while filled < size {
                let got = read(fd, base + filled, size - filled)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return false }
                filled += got
            }
            return true
        }
        return ok ? .bytes(data) : .unreadable
    }

    func readText(_ relative: String, required: Bool, realRoot: String,
                  into diagnostics: inout Diagnostics) -> SourceFile? {
        if let file = reusable[relative], unchanged(relative) { return file }
        let at = SourceLocation(file: relative)
        switch kind(of: relative) {
        case .missing:
            if required {
                diagnostics.append(.error(.missingFile, at: at, "缺少文件 (file missing): \(relative)",
                                          hint: "see docs/content-format.md for the content layout"))
            }
            return nil
        case .directory:
            diagnostics.append(.error(.notAFile, at: at, "这是目录而不是文件 (a folder where a file is expected)",
                                      hint: "\(relative) must be a text file"))
            return nil
        case .other:
            diagnostics.append(.error(.notAFile, at: at, "不是普通文件 (not a regular file)"))
            return nil
        case .file:
            break
        }
        guard isInside(relative, realRoot: realRoot) else {
            diagnostics.append(.error(.outsideContent, at: at, "文件指向内容目录之外 (the file leads outside the content folder)",
                                      hint: "replace the symlink with the file itself"))
            return nil
        }
        return Self.readTextFile(path(relative), reportedAs: relative, into: &diagnostics)
    }

    /// Reads and decodes one text file at `path`, its diagnostics named `reportedAs`: the size
    /// limit, binary data, the encoding (UTF-8, or GB18030 with a warning), and characters that
    /// cannot appear in a page or a feed. The one reader of text for content and templates alike.
    public static func readTextFile(_ path: String, reportedAs relative: String, into diagnostics: inout Diagnostics) -> SourceFile? {
        let at = SourceLocation(file: relative)
        let data: Data
        switch readBytes(atPath: path, limit: Self.maximumTextFileSize) {
        case .bytes(let bytes): data = bytes
        case .tooLarge(let size):
            diagnostics.append(.error(.fileTooLarge, at: at,
                                      "文件过大 (file too large): \(size / (1024 * 1024)) MB",
                                      hint: "text files are limited to \(Self.maximumTextFileSize / (1024 * 1024)) MB"))
            return nil
        case .unreadable:
            diagnostics.append(.error(.unreadableFile, at: at, "无法读取文件 (cannot read the file)"))
            return nil
        }
        if data.isEmpty {
            diagnostics.append(.error(.emptyFile, at: at, "文件为空 (the file is empty)"))
            return nil
        }
        switch TextDecoding.decode(data) {
        case .success(let result):
            if result.encoding == .gb18030 {
                diagnostics.append(.warning(.gb18030, at: at, "文件为 GB18030 编码，已转换 (read as GB18030)",
                                            hint: "save the file as UTF-8"))
            }
            for character in TextDecoding.forbiddenCharacters(in: result.text) {
                diagnostics.append(.error(.invalidCharacter, at: SourceLocation(file: relative, line: character.line, column: character.column),
                                          "不允许的字符 \(character.codePoint) (a control character or noncharacter, which no page or feed may hold)",
                                          hint: "delete it: it is invisible in most editors and often comes with text copied from a PDF"))
            }
            return SourceFile(path: relative, text: result.text)
        case .failure(.binary):
            diagnostics.append(.error(.binaryFile, at: at, "不是文本文件 (binary data in a text file)",
                                      hint: "\(relative) must be UTF-8 text"))
            return nil
        case .failure(.invalidEncoding(let line, let column)):
            diagnostics.append(.error(.invalidEncoding, at: SourceLocation(file: relative, line: line, column: column),
                                      "文件编码无效 (neither UTF-8 nor GB18030)",
                                      hint: "save the file as UTF-8"))
            return nil
        }
    }

    func listDirectory(_ relative: String, realRoot: String, into diagnostics: inout Diagnostics) -> [String] {
        guard kind(of: relative) == .directory else { return [] }
        guard isInside(relative, realRoot: realRoot) else {
            diagnostics.append(.error(.outsideContent, at: SourceLocation(file: relative),
                                      "目录指向内容目录之外 (the folder leads outside the content folder)"))
            return []
        }
        return (try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []
    }

    /// The size of an attachment, which must be a readable regular file inside the content folder:
    /// anything else is said (a subfolder was skipped without a word; a file that could not be
    /// read failed the build's copy with an unlocated write error after `check` had passed).
    func regularFileSize(_ relative: String, realRoot: String, into diagnostics: inout Diagnostics) -> Int? {
        guard kind(of: relative) == .file else {
            diagnostics.append(Self.ignored(relative, "attachments are files in attachments/ itself, not folders or devices"))
            return nil
        }
        guard isInside(relative, realRoot: realRoot) else {
            diagnostics.append(.error(.outsideContent, at: SourceLocation(file: relative),
                                      "附件指向内容目录之外 (the attachment leads outside the content folder)"))
            return nil
        }
        let fd = open(path(relative), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            diagnostics.append(.error(.unreadableFile, at: SourceLocation(file: relative), "无法读取附件 (cannot read the attachment)",
                                      hint: "check the file's permissions"))
            return nil
        }
        defer { close(fd) }
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }
}
