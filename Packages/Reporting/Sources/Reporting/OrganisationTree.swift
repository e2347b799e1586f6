import Model

/// Organisations in tree order: each one followed by its children, with its depth. Siblings
/// are ordered by kind (regions, municipalities, departments, units, partners), then by id.
///
/// An organisation whose parent is unknown is shown as a root. Organisations caught in a parent
/// cycle are shown too, after the others, each exactly once; of repeated ids the first is kept.
struct OrganisationTree: Sendable {
    struct Node: Sendable, Hashable {
        var organisation: Organisation
        /// 0 for a root.
        var depth: Int
    }

    private(set) var nodes: [Node] = []

    init(_ organisations: [Organisation]) {
        var byId: [String: Organisation] = [:]
        for organisation in organisations where byId[organisation.id] == nil { byId[organisation.id] = organisation }
        var children: [String: [Organisation]] = [:]
        var roots: [Organisation] = []
        for organisation in byId.values {
            if let parent = organisation.parentId, parent != organisation.id, byId[parent] != nil {
                children[parent, default: []].append(organisation)
            } else {
                roots.append(organisation)
            }
        }
        var visited: Set<String> = []
        var result: [Node] = []
        func visit(from start: Organisation) {
            // Depth-first without recursion, so a deep tree cannot exhaust the stack.
            var stack = [Node(organisation: start, depth: 0)]
            while let node = stack.popLast() {
                guard visited.insert(node.organisation.id).inserted else { continue }
                result.append(node)
                // Reversed, so that the first child is popped first.
                let below = (children[node.organisation.id] ?? []).sorted(by: Self.siblingOrder).reversed()
                stack.append(contentsOf: below.map { Node(organisation: $0, depth: node.depth + 1) })
            }
        }
        for root in roots.sorted(by: Self.siblingOrder) { visit(from: root) }
        for organisation in byId.values.sorted(by: Self.siblingOrder) where !visited.contains(organisation.id) {
            visit(from: organisation)
        }
        nodes = result
    }

    private static func siblingOrder(_ lhs: Organisation, _ rhs: Organisation) -> Bool {
        let left = kindRank(lhs.kind), right = kindRank(rhs.kind)
        return left != right ? left < right : lhs.id < rhs.id
    }

    private static func kindRank(_ kind: OrganisationKind) -> Int {
        OrganisationKind.allCases.firstIndex(of: kind) ?? OrganisationKind.allCases.count
    }
}
