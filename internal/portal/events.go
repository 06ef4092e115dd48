package portal

import (
	"sync"
	"time"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/steps"
)

// EventType names what happened. Progress displays, logs, the run report
// and --json all read the same stream.
type EventType string

// The events of a run, in the order they usually come.
const (
	EvStart       EventType = "run_started"
	EvPage        EventType = "page_entered"
	EvField       EventType = "field"         // a field filled and verified, skipped, or failed
	EvPageDone    EventType = "page_done"     // a page is complete (with its screenshot)
	EvHuman       EventType = "human_started" // a person must act
	EvHumanRemind EventType = "human_reminder"
	EvHumanStage  EventType = "human_stage" // a step moved on while the person is still at it (Event.Stage says where)
	EvHumanDone   EventType = "human_finished"
	EvInfo        EventType = "info"
	EvWarning     EventType = "warning"
	EvError       EventType = "error"
	EvDone        EventType = "done"
)

// FieldStatus is what became of one field.
type FieldStatus string

// Field statuses.
const (
	Filled  FieldStatus = "filled"  // typed or picked, then read back equal
	Already FieldStatus = "already" // the page already showed the right value
	Skipped FieldStatus = "skipped" // its condition is false, or nothing to enter
	Failed  FieldStatus = "failed"  // not found, not offered, or read back different
)

// FieldReport is one field's outcome. Value and Found hold what the profile
// asked for and what the page showed; sinks that print or store them must
// mask personal data (profile.Redactor).
type FieldReport struct {
	Key    string       `json:"key"`
	Label  string       `json:"label"`
	Kind   string       `json:"kind"`
	Role   pagemap.Role `json:"role,omitempty"`   // the field's engine role (login user name, password), if any
	Secret bool         `json:"secret,omitempty"` // the map says secret: Value and Found are never shown
	Value  string       `json:"value,omitempty"`
	Found  string       `json:"found,omitempty"`
	Status FieldStatus  `json:"status"`
	Healed string       `json:"healed,omitempty"` // how the control was found when its selector failed
	Skip   SkipReason   `json:"skip,omitempty"`   // why a Skipped field was
	Note   string       `json:"note,omitempty"`
	Error  string       `json:"error,omitempty"`
}

// SkipReason says why a field was skipped, for displays that tell the
// reasons apart (Note says it in words).
type SkipReason string

// Skip reasons.
const (
	SkipCondition SkipReason = "condition" // its when: condition is false, so the page does not show it
)

// Event is one thing that happened in a run.
type Event struct {
	Time       time.Time    `json:"time"`
	Type       EventType    `json:"type"`
	Page       string       `json:"page,omitempty"`
	Title      string       `json:"title,omitempty"`
	Field      *FieldReport `json:"field,omitempty"`
	Human      steps.Step   `json:"human,omitempty"` // the human step: captcha, face_and_code, …
	Stage      steps.Stage  `json:"stage,omitempty"` // where the human step stands (on every human_* event)
	Message    string       `json:"message,omitempty"`
	MessageZH  string       `json:"message_zh,omitempty"`
	File       string       `json:"file,omitempty"` // a file the person needs (QR code) or a screenshot
	Screenshot string       `json:"screenshot,omitempty"`
}

// Sink receives events. Emit must not block for long: the engine waits.
type Sink interface{ Emit(Event) }

// SinkFunc adapts a function to a Sink.
type SinkFunc func(Event)

// Emit calls f.
func (f SinkFunc) Emit(e Event) { f(e) }

// Sinks fans events out to several sinks, in order.
type Sinks []Sink

// Emit sends e to every sink.
func (s Sinks) Emit(e Event) {
	for _, k := range s {
		if k != nil {
			k.Emit(e)
		}
	}
}

// Recorder keeps every event; tests and the report read it.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Emit records e.
func (r *Recorder) Emit(e Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

// Events returns a copy of what was recorded.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}
