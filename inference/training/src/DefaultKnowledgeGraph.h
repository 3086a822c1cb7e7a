#pragma once
// The chest knowledge graph (resources/knowledge_graph/chest.json) compiled into the library: the
// label set a trainer uses when the configuration names no graph file.

namespace raddraft::training {

/// The JSON text of resources/knowledge_graph/chest.json as it was at build time.
const char* defaultKnowledgeGraphJson();

} // namespace raddraft::training
