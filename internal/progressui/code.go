package progressui

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/portal"
)

const codePrompt = "   12367 授权码 code (8 digits, Enter): "

// askCode reads 12367 codes at the terminal, in the background, while the
// page is watched; the person may type the code in the page instead.
func (p *Run) askCode() {
	if p.asking || !p.io.CanPrompt() || p.o.Codes == nil {
		return
	}
	p.asking = true
	if p.live != nil {
		p.live.setPrompt(codePrompt)
	}
	go func() {
		for {
			var line string
			var err error
			if p.live != nil {
				line, err = p.io.ReadLine() // the live view shows the prompt
			} else {
				line, err = p.io.Prompt(codePrompt)
			}
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.live != nil {
				p.live.echoed() // Enter moved the cursor down a line
			}
			line = strings.TrimSpace(line)
			if !portal.IsCode(line) {
				if p.live != nil && p.live.prompt != "" {
					p.live.setPrompt("   授权码为8位数字 8 digits, again: ")
				} else if p.live == nil {
					fmt.Fprintln(p.io.ErrOut, "   the code has exactly 8 digits / 授权码为8位数字; try again")
				}
				p.mu.Unlock()
				continue
			}
			if p.live != nil {
				p.live.setPrompt("")
			}
			p.mu.Unlock()
			select {
			case p.o.Codes <- line:
			default: // a code is already waiting to be entered
			}
			return
		}
	}()
}
