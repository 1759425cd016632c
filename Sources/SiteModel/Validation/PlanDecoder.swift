import Yams

/// Decodes a plan folder: plan.md's front matter and body, plan.en.md and tasks.yaml.
enum PlanDecoder {
    static let keys = ["id", "title", "doc_number", "issuer", "issued", "published", "period", "level", "index_number",
                       "category", "disclosure", "recipients", "status", "copies", "summary", "cover_letter",
                       "attachments", "draft", "extra_metadata", "source_url", "interpretations", "supersedes",
                       "superseded_by", "amends", "revisions"]

    /// Fields a plan must state before it is published, with what to write: `gen-site import` leaves
    /// each one it did not find in the document empty (`issuer:`), for the office to fill in.
    static let fieldsToFill: [(key: String, name: String, hint: String)] = [
        ("issued", "成文日期", "write the date on the document (under the signature, or 成文日期 in the metadata box) as issued: YYYY-MM-DD"),
        ("issuer", "发布机构", "write the id of the unit that issued the plan (the signature, or 发布机构 in the metadata box), as in units.yaml"),
        ("level", "层级", "write the level of the issuing government: district, town, subdistrict or city"),
    ]

    /// `issued:`, `issuer:`, `level:` written with no value: a field left for the office to fill in.
    static func checkFieldsToFill(_ map: YAMLMap, reader: inout YAMLReader) -> Set<String> {
        var empty = Set<String>()
        for field in fieldsToFill {
            guard let entry = map.entries.first(where: { $0.key == field.key }) else { continue }
            var isEmpty = map[field.key] == nil
            if case .scalar(let scalar) = entry.value, YAMLReader.trimmed(scalar.string).isEmpty { isEmpty = true }
            guard isEmpty else { continue }
            reader.error(.planFieldMissing, entry.keyNode,
                         "\(field.name)未填写，方案不能发布 (`\(field.key)` is empty: the plan cannot be published until it is filled in)",
                         hint: field.hint)
            empty.insert(field.key)
        }
        return empty
    }

    static func decode(_ files: PlanFiles, into diagnostics: inout Diagnostics) -> Plan? {
        decode(files, reusing: nil, into: &diagnostics).plan
    }

    /// What plan.md and plan.en.md decode to, before tasks.yaml and the reports are added, with
    /// the files it came from (the folder's other files, its tasks and reports left out).
    struct Head: Sendable {
        var files: PlanFiles
        /// Nil when plan.md could not be read: the placeholder the rest is checked against.
        var decoded: Plan?
        var plan: Plan?
        var diagnostics: Diagnostics
    }

    /// As above, with the head `previous` when its files are this folder's (the preview's rebuild
    /// after a save of tasks.yaml or a report decodes plan.md and plan.en.md no more).
    static func decode(_ files: PlanFiles, reusing previous: Head?, into diagnostics: inout Diagnostics) -> (plan: Plan?, head: Head) {
        var headFiles = files
        headFiles.tasks = nil
        headFiles.progress = []
        let head: Head
        if let previous, previous.files == headFiles {
            head = previous
        } else {
            var found = Diagnostics()
            let decoded = decodePlanFile(files, into: &found)
            // The rest of the folder is checked even when plan.md could not be read (a bad date, a
            // broken front matter), so that one run shows every problem; the plan is then left out.
            var plan = decoded ?? placeholder(files)
            if plan != nil, let en = files.planEN {
                plan?.bodyEN = decodeTranslation(en, folder: files.folder, into: &found)
            }
            head = Head(files: headFiles, decoded: decoded, plan: plan, diagnostics: found)
        }
        diagnostics.append(contentsOf: head.diagnostics)
        guard var plan = head.plan else { return (nil, head) }
        let decoded = head.decoded
        if let tasks = files.tasks {
            TasksDecoder.decode(tasks, into: &plan, diagnostics: &diagnostics)
        }
        ProgressDecoder.decode(files.progress, into: &plan, diagnostics: &diagnostics)
        return (decoded == nil ? nil : plan, head)
    }

    /// A plan to check tasks.yaml and the reports against when plan.md has errors.
    static func placeholder(_ files: PlanFiles) -> Plan? {
        guard let day = Day(year: 2000, month: 1, day: 1) else { return nil }
        let file = files.plan?.path ?? files.folder
        return Plan(id: PlanID(files.folder), title: BilingualText(zh: files.folder), issued: day, status: .inForce,
                    body: MarkdownSource(text: "", file: file, firstLine: 1), location: SourceLocation(file: file))
    }

    /// plan.md: its front matter and body.
    static func decodePlanFile(_ files: PlanFiles, into diagnostics: inout Diagnostics) -> Plan? {
        guard let planFile = files.plan else { return nil }
        guard let split = splitFrontMatter(planFile, into: &diagnostics) else { return nil }
        guard let root = YAMLDocument.compose(split.yaml, file: planFile.path, into: &diagnostics) else { return nil }
        var reader = YAMLReader(file: planFile.path, source: split.yaml)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "front matter") else { return nil }
        reader.checkKeys(map, known: keys)

        if !IdentifierSyntax.isValid(files.folder) {
            reader.error(.invalidId, nil, "方案目录名无效 (the plan folder name is not a valid id): \(files.folder)",
                         hint: "rename the folder with lowercase ASCII letters, digits and hyphens")
            return nil
        }
        if let node = map["id"], let id = reader.string(node, "id"), id != files.folder {
            reader.error(.planIdMismatch, node, "id 与目录名不一致 (id \(id) differs from the folder name \(files.folder))",
                         hint: "set id: \(files.folder) or rename the folder")
        }
        let toFill = checkFieldsToFill(map, reader: &reader)
        let title = reader.required(map, "title", "plan").flatMap { reader.text($0, "title") }
        let issued = toFill.contains("issued") ? nil : reader.required(map, "issued", "plan").flatMap { reader.day($0, "issued") }
        let status = map["status"].flatMap {
            reader.choice($0, "status", Plan.Status.self, aliases: ["in force": .inForce, "in-force": .inForce,
                                                                    "有效": .inForce, "失效": .expired, "已废止": .superseded])
        }
        guard let title, let issued else { return nil }
        let body = MarkdownSource(text: split.body, file: planFile.path, firstLine: split.bodyFirstLine)
        var plan = Plan(id: PlanID(files.folder), title: title, issued: issued, status: status ?? .inForce,
                        body: body, location: planFile.start)
        if status == nil { plan.statusBasis = .none }
        plan.isWithheld = !toFill.isEmpty
        plan.docNumber = map["doc_number"].flatMap { reader.string($0, "doc_number") }
        if let node = map["issuer"], let written = reader.string(node, "issuer") {
            plan.issuer = UnitReference(written: written, location: reader.location(node))
        }
        plan.published = map["published"].flatMap { reader.day($0, "published") }
        if let node = map["period"], let period = reader.mapping(node, "period") {
            reader.checkKeys(period, known: ["start", "end"])
            let start = reader.required(period, "start", "period").flatMap { reader.day($0, "period.start") }
            let end = reader.required(period, "end", "period").flatMap { reader.day($0, "period.end") }
            if let start, let end {
                if end < start {
                    reader.error(.invalidPeriod, node, "期限结束早于开始 (the period ends before it starts)")
                } else {
                    plan.period = Period(start: start, end: end)
                }
            }
        }
        plan.level = map["level"].flatMap { reader.choice($0, "level", Plan.Level.self) }
        plan.indexNumber = map["index_number"].flatMap { reader.string($0, "index_number") }
        plan.category = map["category"].flatMap { reader.text($0, "category") }
        plan.disclosure = map["disclosure"].flatMap { reader.text($0, "disclosure") }
        plan.recipients = map["recipients"].flatMap { reader.text($0, "recipients") }
        plan.copies = map["copies"].flatMap { node in
            guard let copies = reader.int(node, "copies") else { return nil }
            guard copies > 0 else {
                reader.error(.invalidValue, node, "印发份数应为正整数 (copies must be a positive whole number): \(copies)")
                return nil
            }
            return copies
        }
        plan.summary = map["summary"].flatMap { reader.text($0, "summary") }
        plan.isDraft = map["draft"].flatMap { reader.bool($0, "draft") } ?? false
        if let node = map["cover_letter"], let markdown = reader.markdown(node, "cover_letter") {
            plan.coverLetter = markdown.text
            plan.coverLetterOrigins = markdown.origins
        }
        if let node = map["extra_metadata"] {
            plan.extraMetadata = reader.list(node, "extra_metadata").compactMap { item in
                guard let row = reader.mapping(item, "extra_metadata row") else { return nil }
                reader.checkKeys(row, known: ["label", "value"])
                guard let label = reader.required(row, "label", "extra_metadata row").flatMap({ reader.text($0, "label") }),
                      let value = reader.required(row, "value", "extra_metadata row").flatMap({ reader.text($0, "value") }) else { return nil }
                return MetadataRow(label: label, value: value)
            }
        }
        if let node = map["attachments"] {
            plan.attachments = decodeAttachments(node, files: files, reader: &reader)
        }
        decodeDisclosure(map, into: &plan, reader: &reader)
        return plan
    }

    /// `source_url`, `interpretations`, `supersedes`, `superseded_by`, `amends` and `revisions`.
    static func decodeDisclosure(_ map: YAMLMap, into plan: inout Plan, reader: inout YAMLReader) {
        if let node = map["source_url"], let url = reader.string(node, "source_url") {
            if SiteDecoder.isWebAddress(url) {
                plan.sourceURL = url
            } else {
                reader.error(.invalidUrl, node, "原文网址无效 (source_url must be an http(s) address): \(url)",
                             hint: "the address of the page where the issuing body published the plan")
            }
        }
        if let node = map["interpretations"] {
            for item in reader.list(node, "interpretations") {
                guard let entry = reader.mapping(item, "interpretation") else { continue }
                reader.checkKeys(entry, known: ["title", "url", "page", "date"])
                guard let title = reader.required(entry, "title", "interpretation").flatMap({ reader.text($0, "title") }) else { continue }
                var interpretation = Interpretation(title: title, location: reader.location(item))
                interpretation.date = entry["date"].flatMap { reader.day($0, "date") }
                if let urlNode = entry["url"], let url = reader.string(urlNode, "url") {
                    if SiteDecoder.isWebAddress(url) {
                        interpretation.url = url
                    } else {
                        reader.error(.invalidUrl, urlNode, "解读网址无效 (url must be an http(s) address): \(url)")
                        continue
                    }
                }
                if let pageNode = entry["page"] {
                    interpretation.page = reader.identifier(pageNode, "page")
                    if interpretation.page == nil { continue }
                }
                switch (interpretation.url, interpretation.page) {
                case (nil, nil):
                    reader.error(.missingKey, item, "解读需要 url 或 page (an interpretation needs `url` or `page`)",
                                 hint: "url: the address of the interpretation; page: the slug of a page in pages/")
                    continue
                case (.some, .some):
                    reader.error(.invalidValue, item, "解读只能给出 url 或 page 之一 (give either `url` or `page`, not both)")
                    continue
                default:
                    plan.interpretations.append(interpretation)
                }
            }
        }
        plan.relations.supersedes = planReferences(map["supersedes"], "supersedes", reader: &reader)
        plan.relations.supersededBy = planReferences(map["superseded_by"], "superseded_by", reader: &reader)
        plan.relations.amends = planReferences(map["amends"], "amends", reader: &reader)
        if let node = map["revisions"] {
            for item in reader.list(node, "revisions") {
                guard let entry = reader.mapping(item, "revision") else { continue }
                reader.checkKeys(entry, known: ["date", "what"])
                guard let date = reader.required(entry, "date", "revision").flatMap({ reader.day($0, "date") }),
                      let what = reader.required(entry, "what", "revision").flatMap({ reader.text($0, "what") }) else { continue }
                if date < plan.issued {
                    reader.error(.invalidDate, entry["date"], "修订日期早于成文日期 (the revision \(date) is before the plan's date \(plan.issued))")
                    continue
                }
                plan.revisions.append(Revision(date: date, what: what))
            }
            // Oldest first, whatever order the file lists them in; the same day keeps the file's order.
            plan.revisions = plan.revisions.enumerated().sorted { a, b in
                a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
            }.map(\.element)
        }
    }

    /// A plan id or a list of them.
    static func planReferences(_ node: Node?, _ what: String, reader: inout YAMLReader) -> [PlanReference] {
        guard let node else { return [] }
        return reader.list(node, what).compactMap { item in
            reader.identifier(item, what).map { PlanReference(id: PlanID($0), location: reader.location(item)) }
        }
    }

    static func splitFrontMatter(_ file: SourceFile, into diagnostics: inout Diagnostics) -> FrontMatter? {
        switch FrontMatter.split(file.text) {
        case .success(let split):
            if let line = split.openingMissingAt { diagnostics.append(openingMissing(file, line: line)) }
            return split
        case .failure(.missing):
            diagnostics.append(.error(.frontMatterMissing, at: file.start, "缺少前置元数据 (no front matter)",
                                      hint: "start the file with a line ---, the metadata, and another ---"))
        case .failure(.unclosed(let line)):
            diagnostics.append(.error(.frontMatterUnclosed, at: file.location(line: line),
                                      "前置元数据未结束 (front matter is not closed)",
                                      hint: "add a line --- after the metadata"))
        }
        return nil
    }

    /// Front matter that lost its opening `---`: read as front matter, not shown as a heading.
    static func openingMissing(_ file: SourceFile, line: Int) -> Diagnostic {
        .warning(.frontMatterOpeningMissing, at: file.location(line: line),
                 "前置元数据缺少开头的 --- (the front matter's opening --- line is missing)",
                 hint: "add a line --- above this one; until then these lines are read as front matter, as they would be with it")
    }

    /// Whether a file whose front matter is optional (an English file) has some: it starts with
    /// `---`, or with front matter that lost its opening `---`.
    static func hasFrontMatter(_ file: SourceFile) -> Bool {
        let trimmed = file.text.drop(while: { $0 == "\n" || $0 == " " })
        if trimmed.hasPrefix("---") { return true }
        var cursor = FrontMatter.LineCursor(file.text)
        var lines: [Substring] = []
        var first: Int?
        while first.map({ lines.count < $0 + 62 }) ?? true, let line = cursor.next() {
            if first == nil && !line.allSatisfy(\.isWhitespace) { first = lines.count }
            lines.append(line)
        }
        guard let first else { return false }
        return FrontMatter.lostOpeningClose(lines, from: first) != nil
    }

    /// plan.en.md: front matter is optional and may only repeat the id.
    static func decodeTranslation(_ file: SourceFile, folder: String, into diagnostics: inout Diagnostics) -> MarkdownSource? {
        guard hasFrontMatter(file) else {
            return MarkdownSource(text: file.text, file: file.path, firstLine: 1)
        }
        guard let split = splitFrontMatter(file, into: &diagnostics) else { return nil }
        if let root = YAMLDocument.compose(split.yaml, file: file.path, into: &diagnostics), !YAMLReader.isNull(root) {
            var reader = YAMLReader(file: file.path)
            if let map = reader.mapping(root, "front matter") {
                if let node = map["id"], let id = reader.string(node, "id"), id != folder {
                    reader.error(.planIdMismatch, node, "id 与目录名不一致 (id \(id) differs from the folder name \(folder))")
                }
            }
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        return MarkdownSource(text: split.body, file: file.path, firstLine: split.bodyFirstLine)
    }

    static func decodeAttachments(_ node: Node, files: PlanFiles, reader: inout YAMLReader) -> [Attachment] {
        var attachments: [Attachment] = []
        for item in reader.list(node, "attachments") {
            guard let map = reader.mapping(item, "attachment") else { continue }
            reader.checkKeys(map, known: ["file", "title"])
            guard let name = reader.required(map, "file", "attachment").flatMap({ reader.string($0, "file") }) else { continue }
            guard isSafeFileName(name) else {
                reader.error(.invalidPath, map["file"], "附件文件名无效 (attachment name must be a plain file name): \(name)",
                             hint: "no folders, no .., no leading dot; the file lives in \(files.path)/attachments/")
                continue
            }
            guard let size = files.attachments[name] else {
                reader.error(.missingAttachment, map["file"], "附件不存在 (attachment not found): \(name)",
                             hint: "put the file in \(files.path)/attachments/")
                continue
            }
            let title = map["title"].flatMap { reader.text($0, "title") } ?? BilingualText(zh: name)
            var attachment = Attachment(file: name, title: title, sourcePath: "\(files.path)/attachments/\(name)", byteCount: size)
            attachment.readableText = files.textAttachments[name]
            attachments.append(attachment)
        }
        return attachments
    }

    /// A file name that stays inside its folder once published.
    static func isSafeFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, !name.hasPrefix("."), name != ".." else { return false }
        // No control or format characters either: a right-to-left override would show `exe.pdf` for `fdp.exe`.
        return name.unicodeScalars.allSatisfy {
            $0.value >= 0x20 && $0.value != 0x7F && $0.properties.generalCategory != .format && $0.properties.generalCategory != .control
                && $0 != "/" && $0 != "\\" && !"\"'<>`?#%:*|".unicodeScalars.contains($0)
        }
    }
}
