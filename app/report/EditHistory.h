#pragma once
// The undo/redo stack of a ReportDocument (Core only, no QUndoStack: the document, not a widget,
// owns the history, and every undo/redo must itself become a logged event). Each step holds the
// change that did it and the change that undoes it. Consecutive typing in one sentence (up to a
// word boundary) and consecutive Backspace/Delete presses merge into one step, as in a text editor.

#include "report/EditEvent.h"

#include <vector>

namespace raddraft::report {

struct EditCommand {
    EditChange forward; ///< applied by the operation and by redo
    EditChange inverse; ///< applied by undo
};

class EditHistory {
public:
    /// Adds the step of a new operation (merging it into the previous step where it continues
    /// typing or deleting); clears the redo steps.
    void push(const EditCommand& command);
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    /// The step undo would revert / redo would re-apply. Precondition: canUndo() / canRedo().
    const EditCommand& nextUndo() const { return m_undo.back(); }
    const EditCommand& nextRedo() const { return m_redo.back(); }
    /// Moves the top step to the redo side / back; the caller applies its inverse / forward change.
    void moveToRedo();
    void moveToUndo();
    /// Forgets every step (after sign-off nothing can be undone).
    void clear();
    int undoCount() const { return static_cast<int>(m_undo.size()); }
    int redoCount() const { return static_cast<int>(m_redo.size()); }

private:
    std::vector<EditCommand> m_undo;
    std::vector<EditCommand> m_redo;
    bool m_mergeOpen = false; ///< the top step was the last thing pushed (no undo/redo since)
};

} // namespace raddraft::report
