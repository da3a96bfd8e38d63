"""Events: what happened, who did it to whom, where and when (see DESIGN.md)."""
