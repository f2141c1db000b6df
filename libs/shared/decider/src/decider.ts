/**
 * A decider (Jérémie Chassaing's shape): `decide` answers what an input leads to from a state, `evolve`
 * folds one of those outputs into the state, and `initialState` is the state before anything happened.
 * `Context` lists what `decide` reads besides the input and the state (nothing, unless given).
 */
export interface Decider<Input, State, Output, Context extends readonly unknown[] = []> {
  decide(input: Input, state: State, ...context: Context): Output[];
  evolve(state: State, output: Output): State;
  initialState(): State;
}
