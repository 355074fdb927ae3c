// The floor for renderer start: an empty React page built the same way as the app.
import { createRoot } from 'react-dom/client'

function Empty() {
  return (
    <h1
      ref={() => {
        performance.mark('stagecraft:ready')
      }}
    >
      Ready
    </h1>
  )
}

createRoot(document.getElementById('root')!).render(<Empty />)
