// Command gen writes the sample materials of examples/me.yaml.
//
//	go generate ./examples/...
package main

//go:generate go run . -out ../materials

import (
	"flag"
	"fmt"
	"os"

	"github.com/cscse-tools/autofill/examples/samples"
)

func main() {
	out := flag.String("out", "../materials", "folder to write the samples into")
	flag.Parse()
	if err := samples.Write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
