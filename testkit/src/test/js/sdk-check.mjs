// Run by JsSdkCompatibilityTest: node sdk-check.mjs <baseUrl> <apiKey>
// The official JS SDK connects to the emulator (httpOptions.baseUrl http://127.0.0.1:PORT becomes ws://...),
// completes the setup, receives a toolCall and answers it.
import { GoogleGenAI, Modality } from '@google/genai';

const [baseUrl, apiKey] = process.argv.slice(2);
const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl, apiVersion: 'v1beta' } });
let onCall;
const firstCall = new Promise((resolve) => { onCall = resolve; });
const timer = setTimeout(() => { console.error('timed out waiting for a toolCall'); process.exit(3); }, 15000);

const session = await ai.live.connect({
  model: 'gemini-3.8-live',
  config: {
    responseModalities: [Modality.AUDIO],
    tools: [{ functionDeclarations: [{
      name: 'setThermostat',
      description: 'Sets the thermostat',
      parameters: { type: 'OBJECT', properties: { temperature: { type: 'INTEGER' } }, required: ['temperature'] },
    }] }],
  },
  callbacks: {
    onmessage: (message) => { if (message.toolCall) onCall(message.toolCall.functionCalls[0]); },
    onerror: (error) => { console.error('error:', error.message); },
    onclose: () => {},
  },
});
session.sendClientContent({ turns: [{ role: 'user', parts: [{ text: 'Make the living room 21 degrees' }] }],
  turnComplete: true });
const call = await firstCall;
session.sendToolResponse({ functionResponses: [{ id: call.id, name: call.name,
  response: { output: { target: call.args.temperature } } }] });
setTimeout(() => {
  clearTimeout(timer);
  session.close();
  console.log(`answered ${call.name} ${call.id}`);
}, 500);
